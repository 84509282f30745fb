// One broker per test run: started here, shared by every integration test file,
// and always stopped (the watchdog stops it even if this process is killed).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startLocalBroker } from '../../tools/kafka/broker.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    kafkaBrokers: string[];
  }
}

export default async function setup(project: TestProject) {
  const configured = process.env.KAFKA_BROKERS?.split(',').filter(Boolean);
  if (configured?.length) {
    project.provide('kafkaBrokers', configured);
    return;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'sluice-test-kafka-'));
  const broker = await startLocalBroker({ dataDir, heap: '768m', log: (line) => console.log(`[kafka] ${line}`) });
  project.provide('kafkaBrokers', broker.brokers);
  return async () => {
    await broker.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
