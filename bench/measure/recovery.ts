// Recovery: how long a worker needs to rebuild review-stats' window state from its
// changelog (read with the Kafka driver's restore reader, applied to the operator).
import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { readChangelogs } from '../../runtime/kafka/changelog-reader.ts';
import { parseChangelogEntry } from '../../runtime/nodes/window/window-changelog.ts';
import { resolveWindowConfig } from '../../runtime/nodes/window/window-config.ts';
import { WindowOperator } from '../../runtime/nodes/window/window-operator.ts';
import { parseDuration } from '../../shared/index.ts';

const DAY = 86_400_000;
const windowConfig = {
  keyField: 'courseId',
  eventTimeField: 'createdAt',
  idField: 'id',
  windows: [
    { name: 'allTime', type: 'all-time' as const },
    { name: 'last90Days', type: 'sliding' as const, size: '90d' },
  ],
  aggregates: [
    { name: 'count', fn: 'count' as const },
    { name: 'averageRating', fn: 'avg' as const, field: 'rating' },
  ],
  allowedLateness: '0s',
};

export interface RecoveryFigures {
  rows: number;
  restoreSeconds: number;
  rowsPerSecond: number;
  heapMb: number;
}

export async function measureRecovery(kafka: Kafka, rows: number, courses = 10_000): Promise<RecoveryFigures> {
  const resolved = resolveWindowConfig(windowConfig, parseDuration);
  if (!resolved.ok) throw new Error(resolved.message);
  const topic = `bench-changelog-${randomUUID().slice(0, 8)}`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    waitForLeaders: true,
    topics: [{ topic, numPartitions: 1, configEntries: [{ name: 'cleanup.policy', value: 'compact' }] }],
  });
  const producer = kafka.producer({ idempotent: true });
  await producer.connect();
  const now = Date.now();
  for (let start = 0; start < rows; start += 4_000) {
    const messages = [];
    for (let i = start; i < Math.min(rows, start + 4_000); i++) {
      const row = { key: `course-${i % courses}`, t: now - Math.floor((i / rows) * 730 * DAY), values: [((i * 7) % 10) / 2 + 0.5] };
      messages.push({ key: `row:review-${i}`, value: JSON.stringify({ kind: 'row', id: `review-${i}`, row }) });
    }
    await producer.send({ topic, acks: -1, messages });
  }
  await producer.disconnect();

  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const began = performance.now();
  const operator = new WindowOperator(resolved.config);
  await readChangelogs(kafka, admin, [{ topic, partition: 0 }], ({ value }) => {
    if (value === null) return;
    const parsed = parseChangelogEntry(JSON.parse(value.toString()));
    if (parsed.ok) operator.applyChangelogEntry(parsed.entry);
  });
  for (let course = 0; course < courses; course++) operator.read(`course-${course}`, now); // keys rebuild on first use
  const restoreSeconds = (performance.now() - began) / 1000;
  globalThis.gc?.();
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  await admin.deleteTopics({ topics: [topic] });
  await admin.disconnect();
  return { rows, restoreSeconds, rowsPerSecond: rows / restoreSeconds, heapMb };
}
