// The Kafka driver's exactly-once promise, with real processes and SIGKILL.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Producer } from 'kafkajs';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { PipelineWorker } from '../../runtime/kafka/pipeline-worker.ts';
import { countingFactory } from '../setup/counting-task.ts';
import { createTopic, testKafka, uniqueName } from '../setup/kafka.ts';
import { exitOf, repoRoot, waitUntil } from '../setup/processes.ts';
import { exactlyOnceProblems, readCountedOutput } from '../setup/verify-counts.ts';

const kafka = testKafka();
const admin = kafka.admin();
let producer: Producer;
beforeAll(async () => {
  await admin.connect();
  producer = kafka.producer({ idempotent: true });
  await producer.connect();
});
afterAll(async () => {
  await producer.disconnect();
  await admin.disconnect();
});

async function countingTopics(partitions: number) {
  const topics = { input: uniqueName('eo-in'), output: uniqueName('eo-out'), changelog: uniqueName('eo-changelog') };
  await createTopic(admin, topics.input, partitions);
  await createTopic(admin, topics.output, partitions);
  await createTopic(admin, topics.changelog, partitions, [{ name: 'cleanup.policy', value: 'compact' }]);
  return topics;
}

async function produce(topic: string, from: number, to: number): Promise<string[]> {
  const values = Array.from({ length: to - from }, (_, i) => String(from + i));
  await producer.send({ topic, acks: -1, messages: values.map((value) => ({ key: `k${Number(value) % 37}`, value })) });
  return values;
}

const spawned: ChildProcess[] = [];
afterEach(() => {
  for (const child of spawned.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function spawnWorker(args: string[]): { child: ChildProcess; output: () => string } {
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'integration/setup/counting-worker.ts'), ...args], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  spawned.push(child);
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  return { child, output: () => output };
}

describe('the Kafka driver', () => {
  it('moves every record exactly once and keeps per-key state, in one process', async () => {
    const topics = await countingTopics(3);
    const inputs = await produce(topics.input, 0, 2000);
    const groupId = uniqueName('eo-group');
    const worker = new PipelineWorker(kafka, admin, {
      groupId,
      inputTopics: [{ topic: topics.input, fromBeginning: true }],
      factory: countingFactory(topics),
    });
    await worker.start();
    const output = await readCountedOutput(kafka, topics.output, inputs.length);
    await worker.stop();
    expect(exactlyOnceProblems(output, inputs)).toEqual([]);
    expect(output.values).toHaveLength(inputs.length);
  });

  it('has no duplicates and no gaps when workers are killed with SIGKILL mid-batch and restarted', async () => {
    const topics = await countingTopics(4);
    const groupId = uniqueName('eo-kill');
    const brokers = inject('kafkaBrokers').join(',');
    const args = [brokers, groupId, topics.input, topics.output, topics.changelog, '40'];
    const inputs: string[] = [];
    let workers = [spawnWorker(args), spawnWorker(args)];
    let next = 0;
    for (let round = 0; round < 4; round++) {
      inputs.push(...(await produce(topics.input, next, next + 600)));
      next += 600;
      await waitUntil(() => workers.every((w) => w.output().includes('assigned')), 60_000);
      await new Promise((done) => setTimeout(done, 300 + Math.floor(Math.random() * 700)));
      const victim = workers[round % workers.length];
      victim?.child.kill('SIGKILL');
      if (victim) await exitOf(victim.child);
      workers = workers.map((w) => (w === victim ? spawnWorker(args) : w));
    }
    inputs.push(...(await produce(topics.input, next, next + 300)));
    const output = await readCountedOutput(kafka, topics.output, inputs.length, 120_000);
    for (const worker of workers) worker.child.kill('SIGTERM');
    await Promise.all(workers.map((worker) => exitOf(worker.child)));
    expect(exactlyOnceProblems(output, inputs)).toEqual([]);
    expect(output.values).toHaveLength(inputs.length);
  }, 400_000);
});
