// review-stats, exactly once, on its own topics: time from start until the window has taken in everything.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kafka } from 'kafkajs';
import { BYTES, KEYS, RECORDS_IN, total } from '../../runtime/engine/metrics.ts';
import { PipelineRunner } from '../../runtime/kafka/pipeline-runner.ts';
import { PostgresSinks } from '../../runtime/postgres/sink-executor.ts';
import { validatePipeline } from '../../shared/index.ts';
import { repoRoot } from '../../tools/kafka/broker.ts';
import type { LoadOperation } from '../load/traffic.ts';
import { fillTopic } from './topics.ts';

export interface PipelineFigures {
  recordsPerSecond: number;
  stateBytesPerKey: number;
  rssGrowthMb: number;
}

export async function measurePipeline(
  kafka: Kafka,
  operations: LoadOperation[],
  options: { databaseUrl: string; readResource: (path: string) => string },
): Promise<PipelineFigures> {
  const suffix = randomUUID().slice(0, 8);
  let text = readFileSync(join(repoRoot, 'pipelines/review-stats.json'), 'utf8');
  for (const topic of ['reviews', 'reviews-valid', 'reviews-spam', 'course-stats'])
    text = text.replaceAll(`"topic": "${topic}"`, `"topic": "${topic}-${suffix}"`);
  text = text.replace('"id": "review-stats"', `"id": "bench-${suffix}"`);
  const validated = validatePipeline(JSON.parse(text));
  if (!validated.ok) throw new Error('review-stats.json is invalid');
  await fillTopic(kafka, `reviews-${suffix}`, operations);
  const admin = kafka.admin();
  await admin.connect();
  const sinks = new PostgresSinks({ ...process.env, DATABASE_URL: options.databaseUrl });
  const runner = new PipelineRunner(kafka, admin, validated.pipeline, { executeSinks: sinks.execute, readResource: options.readResource });
  await runner.provision();
  const rssBefore = process.memoryUsage().rss;
  await runner.start();
  const windowIn = () => total(runner.metrics.snapshot(), RECORDS_IN, { node: 'courseStats' });
  const sourceIn = () => total(runner.metrics.snapshot(), RECORDS_IN, { node: 'reviews' });
  const sleep = () => new Promise((done) => setTimeout(done, 20));
  // The clock starts with the first record read (group join and task claims are start-up, not throughput)
  // and stops at the window's last change, once the source has read everything and the window is quiet for 3 s.
  const limit = performance.now() + 600_000;
  while (sourceIn() === 0 && performance.now() < limit) await sleep();
  const began = performance.now();
  let last = -1;
  let finishedAt = began;
  while (performance.now() < limit) {
    await sleep();
    const now = windowIn();
    if (now !== last) {
      last = now;
      finishedAt = performance.now();
    } else if (now > 0 && sourceIn() >= operations.length && performance.now() - finishedAt > 3000) break;
  }
  const seconds = (finishedAt - began) / 1000;
  const snapshot = runner.metrics.snapshot();
  const gauge = (name: string) =>
    snapshot.gauges.filter((g) => g.name === name && g.labels.node === 'courseStats').reduce((sum, g) => sum + g.value, 0);
  const figures = {
    recordsPerSecond: operations.length / seconds,
    stateBytesPerKey: gauge(BYTES) / Math.max(1, gauge(KEYS)),
    rssGrowthMb: (process.memoryUsage().rss - rssBefore) / 1e6,
  };
  await runner.stop();
  await sinks.close();
  await admin.disconnect();
  return figures;
}
