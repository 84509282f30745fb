// The local broker and PostgreSQL are shared by every Sluice process of one installation (one
// data folder): a second worker beside `npm start` uses them and leaves them running when it stops,
// a killed runtime does not take them down, two processes starting at once start them once, a
// broker that dies comes back, and when the last process is gone they stop.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { canConnect } from '../../runtime/local/kafka/kafka-node.ts';
import { isAlive } from '../../runtime/local/process-alive.ts';
import { kafkaDataDir, postgresDataDir } from '../../runtime/local/services/local-services.ts';
import { ServiceFolder } from '../../runtime/local/services/service-folder.ts';
import { exitOf, killSpawned, processesMentioning, spawnSluice, waitUntil } from '../setup/processes.ts';

const dataDirs: string[] = [];
afterEach(() => {
  killSpawned();
  for (const dir of dataDirs.splice(0)) {
    for (const pid of processesMentioning(dir)) process.kill(pid, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});

function installation(lingerMs = 60_000) {
  const dataDir = mkdtempSync(join(tmpdir(), 'sluice-shared-'));
  chmodSync(dataDir, 0o755); // PostgreSQL, run as root, switches to a user of its own that must reach it
  dataDirs.push(dataDir);
  const env: Record<string, string> = {
    SLUICE_DATA_DIR: dataDir,
    PORT: '0',
    KAFKA_BROKERS: '',
    DATABASE_URL: '',
    SLUICE_KAFKA_PORT: '0',
    SLUICE_POSTGRES_PORT: '0',
    SLUICE_SERVICES_LINGER_MS: String(lingerMs),
    LOG_LEVEL: 'warn',
  };
  const kafka = new ServiceFolder('kafka', kafkaDataDir(dataDir, 1));
  const postgres = new ServiceFolder('postgres', postgresDataDir(dataDir));
  /** The pids of the broker JVM and the PostgreSQL server, as their supervisors report them. */
  const servicePids = () => [kafka, postgres].flatMap((folder) => folder.liveState()?.servicePids.map((ref) => ref.pid) ?? []);
  return { dataDir, env, kafka, postgres, servicePids };
}

async function started(run: ReturnType<typeof spawnSluice>, pattern: RegExp, timeoutMs = 150_000): Promise<string> {
  await waitUntil(() => pattern.test(run.output()) || run.child.exitCode !== null, timeoutMs);
  const match = run.output().match(pattern);
  if (!match) throw new Error(`no ${pattern} in:\n${run.output()}`);
  return match[1] ?? match[0];
}

// Texts the shipped spam model scores as valid (0.000).
const texts = [
  'The exercises on partitions were clear and useful.',
  'Clear explanations of offsets and consumer groups.',
  'Good examples, though the last module felt a little rushed.',
  'Helpful course: consumer groups finally make sense to me.',
];

async function post(url: string, id: string, text = texts[0]): Promise<number> {
  const review = { id, courseId: 'c-shared', userId: `u-${id}`, rating: 4, content: text, createdAt: new Date().toISOString() };
  const response = await fetch(`${url}/api/reviews`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(review),
  });
  return response.status;
}

async function storedReviews(databaseUrl: string, expected: number, timeoutMs: number): Promise<number> {
  const db = new pg.Pool({ connectionString: databaseUrl });
  db.on('error', () => {});
  const count = async () =>
    Number(
      (await db.query(`SELECT count(*) AS n FROM reviews_valid WHERE "courseId" = 'c-shared'`).catch(() => ({ rows: [{ n: 0 }] }))).rows[0]
        ?.n,
    );
  try {
    const deadline = Date.now() + timeoutMs;
    let seen = await count();
    while (seen < expected && Date.now() < deadline) {
      await new Promise((done) => setTimeout(done, 500));
      seen = await count();
    }
    return seen;
  } finally {
    await db.end();
  }
}

describe('local services shared by the processes of one installation', () => {
  it('a second worker beside npm start uses its broker and PostgreSQL and leaves both running when it stops', async () => {
    const local = installation();
    const start = spawnSluice(['start'], local.env);
    const url = await started(start, /running at (http:\/\/\S+)/);
    const before = local.servicePids();
    expect(before).toHaveLength(2);

    const worker = spawnSluice(['run', 'pipelines/review-stats.json'], local.env);
    await started(worker, /running; Ctrl-C drains/);
    expect(worker.output()).toContain('using the running local Kafka broker');
    expect(worker.output()).toContain('using the running local PostgreSQL');
    worker.child.kill('SIGINT');
    expect(await exitOf(worker.child)).toBe(0);

    // Same processes, still serving the first runtime: writes are accepted and reach PostgreSQL.
    expect(local.servicePids()).toEqual(before);
    expect(before.every(isAlive)).toBe(true);
    expect((await fetch(`${url}/api/health`)).status).toBe(200);
    for (const [i, id] of ['s1', 's2', 's3'].entries()) expect(await post(url, id, texts[i])).toBe(202);
    const endpoint = local.postgres.liveState()?.endpoint;
    if (endpoint?.kind !== 'postgres') throw new Error('no PostgreSQL endpoint');
    expect(await storedReviews(endpoint.url, 3, 60_000)).toBe(3);

    start.child.kill('SIGINT');
    expect(await exitOf(start.child)).toBe(0);
    expect(await waitUntil(() => processesMentioning(local.dataDir).length === 0, 30_000)).toBe(true);
  }, 300_000);

  it('the broker and PostgreSQL outlive a runtime killed with SIGKILL, its restart uses them, and they stop after the grace period', async () => {
    const local = installation(5000);
    const first = spawnSluice(['start'], local.env);
    await started(first, /running at (http:\/\/\S+)/);
    const services = local.servicePids();
    first.child.kill('SIGKILL');
    await exitOf(first.child);

    const again = spawnSluice(['start'], local.env);
    const url = await started(again, /running at (http:\/\/\S+)/);
    expect(again.output()).toContain('using the running local Kafka broker');
    expect(local.servicePids()).toEqual(services);
    expect(await post(url, 'after-kill', texts[3])).toBe(202);

    again.child.kill('SIGKILL');
    await exitOf(again.child);
    await new Promise((done) => setTimeout(done, 2000));
    expect(services.every(isAlive)).toBe(true); // within the grace period
    expect(await waitUntil(() => processesMentioning(local.dataDir).length === 0, 45_000)).toBe(true);
  }, 300_000);

  it('two workers starting at once start one broker and one PostgreSQL, and a broker that dies is started again', async () => {
    const local = installation();
    const workers = [
      spawnSluice(['run', 'pipelines/review-stats.json'], local.env),
      spawnSluice(['run', 'pipelines/review-stats.json'], local.env),
    ];
    const addresses = await Promise.all(workers.map((worker) => started(worker, /local Kafka broker on (\S+)/)));
    await Promise.all(workers.map((worker) => started(worker, /running; Ctrl-C drains/)));
    expect(addresses[0]).toBe(addresses[1]);
    expect(processesMentioning(`supervisor.ts kafka ${local.dataDir}`)).toHaveLength(1);
    expect(processesMentioning(`supervisor.ts postgres ${local.dataDir}`)).toHaveLength(1);
    expect(workers.map((worker) => /started the local Kafka/.test(worker.output())).sort()).toEqual([false, true]);

    const [jvm] = local.kafka.liveState()?.servicePids ?? [];
    if (!jvm) throw new Error('no broker pid');
    process.kill(jvm.pid, 'SIGKILL');
    const port = Number(addresses[0]?.split(':')[1]);
    let listening = false;
    const back = await waitUntil(() => {
      const now = local.kafka.liveState()?.servicePids[0]?.pid;
      if (now !== undefined && now !== jvm.pid) void canConnect(port).then((yes) => (listening = yes));
      return listening;
    }, 90_000);
    expect(back).toBe(true);
    expect(workers.every((worker) => worker.child.exitCode === null)).toBe(true);

    for (const worker of workers) worker.child.kill('SIGINT');
    expect(await Promise.all(workers.map((worker) => exitOf(worker.child)))).toEqual([0, 0]);
    expect(await waitUntil(() => processesMentioning(local.dataDir).length === 0, 30_000)).toBe(true);
  }, 300_000);
});
