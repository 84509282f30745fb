import type { Kafka } from 'kafkajs';
import { uniqueName } from './kafka.ts';

export interface CountedOutput {
  values: string[];
  countsByKey: Map<string, number[]>;
}

/** Reads the whole output topic as a read_committed consumer until `expected` records arrived and nothing more comes. */
export async function readCountedOutput(kafka: Kafka, topic: string, expected: number, timeoutMs = 90_000): Promise<CountedOutput> {
  const values: string[] = [];
  const countsByKey = new Map<string, number[]>();
  const consumer = kafka.consumer({ groupId: uniqueName('verify'), readUncommitted: false });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const { value, count } = JSON.parse(message.value?.toString() ?? '{}') as { value: string; count: number };
      values.push(value);
      const key = message.key?.toString() ?? '';
      countsByKey.set(key, [...(countsByKey.get(key) ?? []), count]);
    },
  });
  const deadline = Date.now() + timeoutMs;
  while (values.length < expected && Date.now() < deadline) await new Promise((done) => setTimeout(done, 100));
  await new Promise((done) => setTimeout(done, 1500)); // anything beyond `expected` would be a duplicate
  await consumer.disconnect();
  return { values, countsByKey };
}

/** Each input value exactly once, and each key's counts exactly 1..n in order. */
export function exactlyOnceProblems(output: CountedOutput, inputs: string[]): string[] {
  const problems: string[] = [];
  const seen = new Map<string, number>();
  for (const value of output.values) seen.set(value, (seen.get(value) ?? 0) + 1);
  const duplicates = [...seen].filter(([, n]) => n > 1).map(([value]) => value);
  const missing = inputs.filter((value) => !seen.has(value));
  if (duplicates.length) problems.push(`${duplicates.length} duplicated, e.g. ${duplicates.slice(0, 5).join(',')}`);
  if (missing.length) problems.push(`${missing.length} missing, e.g. ${missing.slice(0, 5).join(',')}`);
  for (const [key, counts] of output.countsByKey) {
    const wrong = counts.findIndex((count, i) => count !== i + 1);
    if (wrong >= 0)
      problems.push(
        `key ${key}: record ${wrong + 1} was counted ${counts[wrong]} (…${counts.slice(Math.max(0, wrong - 3), wrong + 3).join(',')}…)`,
      );
  }
  return problems;
}
