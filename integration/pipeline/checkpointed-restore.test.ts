// Local state that survives a restart: a worker's stores stay on disk with a
// checkpoint of the changelog offsets they reflect, so a restart restores only the
// changelog's tail; a checkpoint that is corrupt or stale (another pipeline version)
// falls back to a full restore. Every run ends with the same counts as the input, and
// with the task counters (committed with each batch, restored with the state) counting
// every input once: the checkpoint carries them, so a restart from it neither loses nor
// adds any.

import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { open } from 'lmdb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RestoreProgress } from '../../runtime/kafka/changelog-reader.ts';
import { PipelineRunner } from '../../runtime/kafka/pipeline-runner.ts';
import { fetchTopicEnds } from '../../runtime/kafka/topic-offsets.ts';
import { RECORDS_IN, total as seriesTotal } from '../../shared/engine/metrics.ts';
import { validatePipeline } from '../../shared/index.ts';
import { testKafka, uniqueName } from '../setup/kafka.ts';

const kafka = testKafka();
const admin = kafka.admin();
beforeAll(() => admin.connect());
afterAll(() => admin.disconnect());

const KEYS = 7;

function countingPipeline(id: string, input: string, output: string) {
  const result = validatePipeline({
    format: 1,
    id,
    name: 'Counts per key',
    nodes: [
      { id: 'in', type: 'source.kafka', config: { topic: input, format: 'json', keyField: 'id' } },
      {
        id: 'counts',
        type: 'window',
        config: {
          keyField: 'k',
          idField: 'id',
          eventTimeField: 't',
          windows: [{ name: 'allTime', type: 'all-time' }],
          aggregates: [{ name: 'n', fn: 'count' }],
        },
      },
      { id: 'out', type: 'sink.kafka', config: { topic: output, keyField: 'k', compacted: true } },
    ],
    edges: [
      { from: { node: 'in', port: 'out' }, to: { node: 'counts', port: 'in' } },
      { from: { node: 'counts', port: 'out' }, to: { node: 'out', port: 'in' } },
    ],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.pipeline;
}

async function produce(topic: string, from: number, count: number): Promise<void> {
  const producer = kafka.producer({ idempotent: true });
  await producer.connect();
  const messages = Array.from({ length: count }, (_, i) => {
    const id = `r${from + i}`;
    return { key: id, value: JSON.stringify({ id, k: `k${(from + i) % KEYS}`, t: '2026-11-30T12:00:00Z' }) };
  });
  await producer.send({ topic, acks: -1, messages });
  await producer.disconnect();
}

/** The newest figure of every key on the output topic, once each key counts what it should. */
async function countsWhenSettled(topic: string, total: number, timeoutMs = 60_000): Promise<Map<string, number>> {
  const latest = new Map<string, number>();
  const consumer = kafka.consumer({ groupId: uniqueName('read'), readUncommitted: false });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const value = JSON.parse(message.value?.toString() ?? 'null') as { k: string; allTime: { n: number } } | null;
      if (value) latest.set(value.k, value.allTime.n);
    },
  });
  const deadline = Date.now() + timeoutMs;
  const sum = () => [...latest.values()].reduce((a, b) => a + b, 0);
  while (sum() < total && Date.now() < deadline) await new Promise((done) => setTimeout(done, 100));
  await new Promise((done) => setTimeout(done, 500));
  await consumer.disconnect();
  return latest;
}

function expectedCounts(total: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i < total; i++) counts.set(`k${i % KEYS}`, (counts.get(`k${i % KEYS}`) ?? 0) + 1);
  return counts;
}

/**
 * Runs the pipeline until `inputs` inputs are counted, and says how many records its restore read from the
 * store's changelog (the counters partitions are restored too, and not counted here) and how many inputs the
 * source node's counters say it has seen since the pipeline's version was deployed.
 */
async function runUntilCounted(pipeline: ReturnType<typeof countingPipeline>, stateDirectory: string, output: string, inputs: number) {
  const restores: RestoreProgress[] = [];
  const running = new Set<string>();
  const runner = new PipelineRunner(kafka, admin, pipeline, {
    executeSinks: async () => {},
    stateDirectory,
    onRestoreProgress: (_task, progress) => restores.push(progress),
    onStateChange: (task, state) => {
      if (state === 'running') running.add(task);
    },
  });
  await runner.start();
  try {
    // Every task restored and running (a restore that never ends would leave one starting).
    const tasks = runner.plan?.tasks.length ?? 0;
    const deadline = Date.now() + 60_000;
    while (running.size < tasks && Date.now() < deadline) await new Promise((done) => setTimeout(done, 100));
    expect(running.size).toBe(tasks);
    const counts = await countsWhenSettled(output, inputs);
    // What each changelog partition's restore read: the last progress report of each.
    const read = new Map<string, number>();
    for (const progress of restores)
      if (progress.topic.endsWith('.changelog')) read.set(`${progress.topic}:${progress.partition}`, progress.total);
    const seen = seriesTotal(runner.metrics.snapshot(), RECORDS_IN, { node: 'in' });
    return { counts, restored: [...read.values()].reduce((a, b) => a + b, 0), seen };
  } finally {
    await runner.stop();
  }
}

async function changelogRecords(pipelineId: string): Promise<{ topic: string; total: number }> {
  const topic = `sluice.${pipelineId}.counts.rows.changelog`;
  const offsets = await fetchTopicEnds(admin, topic);
  return { topic, total: offsets.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0) };
}

async function overwriteCheckpoints(stateDirectory: string, value: unknown): Promise<number> {
  let changed = 0;
  // The task folders live under the cluster's id (runtime/state/local-state-scope.ts): this test has one cluster.
  const clusters = readdirSync(stateDirectory).filter((entry) => entry.startsWith('cluster-'));
  expect(clusters).toHaveLength(1);
  const tasks = join(stateDirectory, clusters[0] ?? '', 'tasks');
  for (const task of readdirSync(tasks)) {
    const environment = open({ path: join(tasks, task, 'stores.mdb'), maxDbs: 64, compression: false });
    const meta = environment.openDB<unknown, string>('__sluice.meta', { compression: false });
    if (meta.get('checkpoint') !== undefined) {
      meta.putSync('checkpoint', value);
      changed++;
    }
    await environment.close();
  }
  return changed;
}

describe('state kept on local disk across restarts', () => {
  it('restores only the changelog tail after a restart, and everything when the checkpoint is corrupt or stale', async () => {
    const [input, output] = [uniqueName('counted'), uniqueName('counts')];
    const pipeline = countingPipeline(uniqueName('cp'), input, output);
    await admin.createTopics({ topics: [{ topic: input, numPartitions: 2 }], waitForLeaders: true });
    const kept = mkdtempSync(join(tmpdir(), 'sluice-kept-'));
    const elsewhere = mkdtempSync(join(tmpdir(), 'sluice-elsewhere-'));
    try {
      // A first run fills the local stores; it restored nothing (the changelog was empty).
      await produce(input, 0, 300);
      const first = await runUntilCounted(pipeline, kept, output, 300);
      expect(first.counts).toEqual(expectedCounts(300));
      expect(first.seen).toBe(300);
      expect(first.restored).toBe(0);

      // Another worker (no local state) takes over and moves the changelog on: it restores all of it.
      await produce(input, 300, 100);
      const before = await changelogRecords(pipeline.id);
      const other = await runUntilCounted(pipeline, elsewhere, output, 400);
      expect(other.counts).toEqual(expectedCounts(400));
      expect(other.seen).toBe(400);
      expect(other.restored).toBe(before.total);
      const after = await changelogRecords(pipeline.id);
      expect(after.total).toBeGreaterThan(before.total);

      // Back on the first worker's disk: only what was written since its checkpoint is read.
      await produce(input, 400, 50);
      const resumed = await runUntilCounted(pipeline, kept, output, 450);
      expect(resumed.counts).toEqual(expectedCounts(450));
      expect(resumed.seen).toBe(450);
      expect(resumed.restored).toBe(after.total - before.total);

      // Nothing written since: nothing to read (the checkpoint is past the last commit's marker).
      const idle = await runUntilCounted(pipeline, kept, output, 450);
      expect(idle.counts).toEqual(expectedCounts(450));
      expect(idle.seen).toBe(450);
      expect(idle.restored).toBe(0);

      // A corrupt checkpoint: a full restore, and the same counts.
      const full = (await changelogRecords(pipeline.id)).total;
      expect(await overwriteCheckpoints(kept, '{"version":1,"identity":')).toBeGreaterThan(0);
      await produce(input, 450, 30);
      const corrupt = await runUntilCounted(pipeline, kept, output, 480);
      expect(corrupt.counts).toEqual(expectedCounts(480));
      expect(corrupt.seen).toBe(480);
      expect(corrupt.restored).toBe(full);

      // A stale one (written for another version of the node): a full restore again.
      const again = (await changelogRecords(pipeline.id)).total;
      await overwriteCheckpoints(kept, { version: 1, identity: 'another version', writtenAt: Date.now(), offsets: {} });
      await produce(input, 480, 20);
      const stale = await runUntilCounted(pipeline, kept, output, 500);
      expect(stale.counts).toEqual(expectedCounts(500));
      expect(stale.seen).toBe(500);
      expect(stale.restored).toBe(again);
    } finally {
      rmSync(kept, { recursive: true, force: true });
      rmSync(elsewhere, { recursive: true, force: true });
    }
  }, 300_000);
});
