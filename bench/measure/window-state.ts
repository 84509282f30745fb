// A worker's window state made quickly: `rows` reviews of review-stats' window,
// written straight into its changelog as the window itself writes them (one
// `row:<id>` entry per review, in the partition of its course, plus the clock),
// so a worker restores it exactly as it would after processing those reviews.
import type { Kafka } from 'kafkajs';
import { partitionForKey } from '../../shared/engine/partitioner.ts';
import type { StorePlan } from '../../shared/engine/plan.ts';
import type { ProvisionedRun } from './provision.ts';

const DAY = 86_400_000;

export function windowStore(run: ProvisionedRun): StorePlan {
  const store = run.plan.stores.find((candidate) => candidate.node === 'courseStats' && candidate.name === 'rows');
  if (!store) throw new Error('review-stats has no courseStats.rows store');
  return store;
}

/** The i-th generated review's changelog entry: event times spread over two years, so about 1 in 8 is inside the last 90 days. */
export function windowRow(i: number, rows: number, courses: number, now: number): { partitionKey: string; key: string; value: string } {
  const courseId = `course-${String(i % courses).padStart(4, '0')}`;
  const id = `state-${i}`;
  const row = { key: courseId, t: now - Math.floor(((rows - i) / rows) * 730 * DAY), values: [((i * 7) % 10) / 2 + 0.5] };
  return { partitionKey: courseId, key: `row:${id}`, value: JSON.stringify({ kind: 'row', id, row }) };
}

export async function writeWindowState(kafka: Kafka, run: ProvisionedRun, rows: number, courses: number, now = Date.now()): Promise<void> {
  const store = windowStore(run);
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  try {
    const clock = JSON.stringify({ kind: 'clock', now, sequence: 0 });
    for (let start = 0; start < rows; start += 5000) {
      const messages = [];
      for (let i = start; i < Math.min(rows, start + 5000); i++) {
        const { partitionKey, key, value } = windowRow(i, rows, courses, now);
        messages.push({ key, value, partition: partitionForKey(partitionKey, store.partitions) });
      }
      await producer.send({ topic: store.changelogTopic, acks: -1, messages });
    }
    const clocks = Array.from({ length: store.partitions }, (_, partition) => ({ key: 'clock', value: clock, partition }));
    await producer.send({ topic: store.changelogTopic, acks: -1, messages: clocks });
  } finally {
    await producer.disconnect();
  }
}
