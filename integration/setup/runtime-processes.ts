// Runtime processes as `sluice start` assembles them (bench/runtime-child.ts: the same composition root and HTTP
// server, without the designer), on a test's own topics and data folder, each serving the API on a free port and
// running the deployed pipelines as one more worker.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnTypeScript, waitUntil } from './processes.ts';

export interface RuntimeTopics {
  pipelines: string;
  reviews: string;
  courseStats: string;
}

export interface RuntimeProcess {
  url: string;
  child: ReturnType<typeof spawnTypeScript>['child'];
  output(): string;
}

export async function startRuntime(options: {
  pipelineFile: string;
  topics: RuntimeTopics;
  brokers: string[];
  databaseUrl: string;
}): Promise<RuntimeProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sluice-runtime-'));
  const run = spawnTypeScript('bench/runtime-child.ts', [], {
    KAFKA_BROKERS: options.brokers.join(','),
    DATABASE_URL: options.databaseUrl,
    SLUICE_DATA_DIR: dataDir,
    BENCH_PIPELINE_FILE: options.pipelineFile,
    BENCH_TOPICS: JSON.stringify(options.topics),
    LOG_LEVEL: 'info',
  });
  const address = () => run.output().match(/"msg":"listening","address":"(http:\/\/[^"]+)"/)?.[1];
  const started = await waitUntil(() => address() !== undefined || run.child.exitCode !== null, 120_000);
  const url = address();
  if (!started || !url) throw new Error(`the runtime did not start:\n${run.output().slice(-4000)}`);
  return { url, child: run.child, output: run.output };
}
