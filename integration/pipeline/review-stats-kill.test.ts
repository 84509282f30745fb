// Fault tolerance of review-stats with real processes: workers (`sluice run`) are
// killed with SIGKILL at random moments and restarted, two workers share the
// partitions and one dies halfway; the stream still equals the batch SQL.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { testKafka, uniqueName } from '../setup/kafka.ts';
import { exitOf, killSpawned, spawnSluice } from '../setup/processes.ts';
import { freshDatabase, reviewStatsPipeline, reviewTraffic, settledComparison, writeTraffic } from '../setup/review-stats.ts';

const kafka = testKafka();
const admin = kafka.admin();
beforeAll(() => admin.connect());
afterAll(() => admin.disconnect());
afterEach(killSpawned);

async function setUp(label: string) {
  const suffix = uniqueName(label);
  const database = await freshDatabase(inject('databaseUrl'), `${label}_${Date.now()}`);
  const file = join(tmpdir(), `review-stats-${suffix}.json`);
  writeFileSync(file, JSON.stringify(reviewStatsPipeline(suffix)));
  const env = { KAFKA_BROKERS: inject('kafkaBrokers').join(','), DATABASE_URL: database.url, LOG_LEVEL: 'warn' };
  const worker = () => spawnSluice(['run', file], env);
  return { suffix, database, worker };
}

/** The end of the workers' logs, said when a comparison fails. */
const logsOf = (...workers: { output(): string }[]) =>
  workers.map((worker, index) => `--- worker ${index + 1} ---\n${worker.output().split('\n').slice(-40).join('\n')}`).join('\n');

const run = (suffix: string) => ({ groupId: `sluice.review-stats-${suffix}`, sourceTopic: `reviews-${suffix}` });
const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe('review-stats under failure', () => {
  it('equals the batch SQL after its worker is killed with SIGKILL five times and restarted', async () => {
    const { suffix, database, worker } = await setUp('rskill');
    const operations = await reviewTraffic(3000, 23);
    let current = worker();
    for (let round = 0; round < 5; round++) {
      const share = Math.ceil(operations.length / 5);
      await writeTraffic(kafka, admin, `reviews-${suffix}`, operations.slice(round * share, (round + 1) * share));
      await pause(1500 + Math.floor(Math.random() * 2500));
      current.child.kill('SIGKILL');
      await exitOf(current.child);
      current = worker();
    }
    const differences = await settledComparison(admin, database.db, run(suffix), 300_000);
    current.child.kill('SIGTERM');
    await exitOf(current.child);
    await database.db.end();
    expect(differences.slice(0, 5), logsOf(current)).toEqual([]);
  }, 600_000);

  it('equals the batch SQL when two workers share the work and one is killed halfway', async () => {
    const { suffix, database, worker } = await setUp('rstwo');
    const operations = await reviewTraffic(3000, 29);
    const first = worker();
    const second = worker();
    const half = Math.ceil(operations.length / 2);
    await writeTraffic(kafka, admin, `reviews-${suffix}`, operations.slice(0, half));
    await pause(4000);
    second.child.kill('SIGKILL');
    await exitOf(second.child);
    await writeTraffic(kafka, admin, `reviews-${suffix}`, operations.slice(half));
    const differences = await settledComparison(admin, database.db, run(suffix), 300_000);
    first.child.kill('SIGTERM');
    await exitOf(first.child);
    await database.db.end();
    expect(differences.slice(0, 5), logsOf(first, second)).toEqual([]);
  }, 600_000);
});
