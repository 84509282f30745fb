// One broker and one PostgreSQL per test run: started here, shared by every
// integration test file, and always stopped (the broker's watchdog stops it even
// if this process is killed). KAFKA_BROKERS / DATABASE_URL use existing ones.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startLocalBroker } from '../../runtime/local/kafka/broker.ts';
import { startLocalPostgres } from '../../runtime/local/postgres/embedded.ts';
import { processesMentioning, waitUntil } from './processes.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    kafkaBrokers: string[];
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const stops: (() => Promise<void>)[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'sluice-test-'));
  chmodSync(dataDir, 0o755); // PostgreSQL, run as root, switches to a user of its own that must reach it
  const teardown = async () => {
    for (const stop of stops.reverse()) await stop().catch((error: unknown) => console.error(error));
    // The broker and PostgreSQL of this run are gone (their watchdogs would stop them if this process died).
    const gone = await waitUntil(() => processesMentioning(dataDir).length === 0, 30_000);
    const left = processesMentioning(dataDir);
    for (const pid of left) process.kill(pid, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    if (!gone) throw new Error(`processes of ${dataDir} survived the test run: ${left.join(', ')}`);
  };
  try {
    const configured = process.env.KAFKA_BROKERS?.split(',').filter(Boolean);
    if (configured?.length) project.provide('kafkaBrokers', configured);
    else {
      const broker = await startLocalBroker({
        dataDir: join(dataDir, 'kafka'),
        heap: '768m',
        // Retention is checked every second, so a test sees within seconds what a topic's retention would delete.
        overrides: { 'log.retention.check.interval.ms': '1000', 'log.initial.task.delay.ms': '1000' },
        log: (line) => console.log(`[kafka] ${line}`),
      });
      stops.push(broker.stop);
      project.provide('kafkaBrokers', broker.brokers);
    }
    if (process.env.DATABASE_URL) project.provide('databaseUrl', process.env.DATABASE_URL);
    else {
      const postgres = await startLocalPostgres({ dataDir: join(dataDir, 'postgres'), log: (line) => console.log(`[postgres] ${line}`) });
      stops.push(postgres.stop);
      project.provide('databaseUrl', postgres.url);
    }
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
