// A broker outage must not leave a task neither processing nor failing: once the broker is back,
// every task resumes by itself (a fresh producer claims it and restores its state) and every
// record is counted exactly once. Before, tasks stayed stuck in "Cannot call beginTransaction in
// state COMMITTING" until the process restarted. This test has a broker of its own to stop.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKafka } from '../../runtime/kafka/client.ts';
import { PipelineRunner } from '../../runtime/kafka/pipeline-runner.ts';
import type { TaskState } from '../../runtime/kafka/task-handle.ts';
import { type LocalBroker, startLocalBroker } from '../../runtime/local/kafka/broker.ts';
import { RECORDS_IN, total } from '../../shared/engine/metrics.ts';
import { validatePipeline } from '../../shared/index.ts';
import { countsPerCoursePipeline } from '../setup/counts-per-course.ts';
import { uniqueName } from '../setup/kafka.ts';

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const dataDir = mkdtempSync(join(tmpdir(), 'sluice-outage-'));
let broker: LocalBroker;

beforeAll(async () => {
  broker = await startLocalBroker({ dataDir, heap: '512m' });
}, 120_000);
afterAll(async () => {
  await broker?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

function countingPipeline(input: string, output: string) {
  const result = validatePipeline(countsPerCoursePipeline({ id: uniqueName('outage'), input, output, idField: 'id' }));
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.pipeline;
}

describe('a broker that goes away and comes back', () => {
  it('finds every task processing again by itself, with every record counted once', async () => {
    const kafka = createKafka(broker.brokers);
    const admin = kafka.admin();
    await admin.connect();
    const [input, output] = [uniqueName('outage-in'), uniqueName('outage-out')];
    await admin.createTopics({ topics: [{ topic: input, numPartitions: 2 }], waitForLeaders: true });
    // Reviews keep flowing through the outage, so transactions are in flight when the broker goes.
    let next = 0;
    let flowing = true;
    const producer = kafka.producer({ idempotent: true, retry: { retries: 2 } });
    await producer.connect();
    const flow = (async () => {
      while (flowing) {
        const messages = Array.from({ length: 10 }, () => {
          const id = `r${next++}`;
          return { key: id, value: JSON.stringify({ id, courseId: `c${next % 5}`, createdAt: '2026-01-01T00:00:00Z' }) };
        });
        await producer.send({ topic: input, acks: -1, messages }).catch(() => {}); // refused while the broker is away
        await sleep(50);
      }
    })();
    const states = new Map<string, TaskState>();
    const reasons: string[] = [];
    const runner = new PipelineRunner(kafka, admin, countingPipeline(input, output), {
      executeSinks: async () => {},
      onStateChange: (id, state, reason) => {
        states.set(id, state);
        if (reason) reasons.push(reason);
      },
    });
    await runner.provision();
    await runner.start();
    const allRunning = () => states.size > 0 && [...states.values()].every((state) => state === 'running');
    try {
      await until(allRunning, 'the tasks to run');
      await sleep(3000);
      await broker.stop();
      await sleep(8000); // long enough for commits, fetches and heartbeats to fail
      broker = await startLocalBroker({ dataDir, heap: '512m' });
      await sleep(3000);
      flowing = false;
      await flow;
      await producer.disconnect();
      // What the topic holds is the truth (a write refused during the outage may still have been stored).
      const { counts: expected, records } = await inputCounts(kafka, input);
      const written = Object.values(expected).reduce((sum, n) => sum + n, 0);
      expect(written).toBeGreaterThan(200);
      const counts = await readCounts(kafka, output, written, 120_000);
      expect(counts).toEqual(expected);
      await until(allRunning, 'every task to run again');
      // The tasks' counters (committed with each batch, taken back from the local checkpoint and the counters
      // partition when a task recovers) count every input record once: none of a rolled-back batch.
      expect(total(runner.metrics.snapshot(), RECORDS_IN, { node: 'in' })).toBe(records);
    } finally {
      flowing = false;
      await runner.stop();
      await admin.disconnect();
    }
  });
});

async function until(check: () => boolean, what: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

/** Distinct review ids per course in the input topic, and its records. */
async function inputCounts(kafka: ReturnType<typeof createKafka>, topic: string) {
  const ids = new Map<string, string>();
  let records = 0;
  const consumer = kafka.consumer({ groupId: uniqueName('input'), readUncommitted: false });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let last = Date.now();
  await consumer.run({
    eachMessage: async ({ message }) => {
      const value = JSON.parse(message.value?.toString() ?? '{}') as { id: string; courseId: string };
      ids.set(value.id, value.courseId);
      records++;
      last = Date.now();
    },
  });
  while (Date.now() - last < 3000) await sleep(250);
  await consumer.disconnect();
  const counts: Record<string, number> = {};
  for (const course of ids.values()) counts[course] = (counts[course] ?? 0) + 1;
  return { counts, records };
}

/** The latest count per course in the compacted output, once they add up to `expected` (or time is up). */
async function readCounts(kafka: ReturnType<typeof createKafka>, topic: string, expected: number, timeoutMs: number) {
  const latest: Record<string, number> = {};
  const consumer = kafka.consumer({ groupId: uniqueName('counts'), readUncommitted: false });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const value = JSON.parse(message.value?.toString() ?? '{}') as { allTime?: { count?: number } };
      latest[message.key?.toString() ?? ''] = value.allTime?.count ?? 0;
    },
  });
  const deadline = Date.now() + timeoutMs;
  const sum = () => Object.values(latest).reduce((all, n) => all + n, 0);
  while (sum() < expected && Date.now() < deadline) await sleep(250);
  await sleep(2000); // a count past the expected one would be a record counted twice
  await consumer.disconnect();
  return latest;
}
