// The newest dead letters of a pipeline, as its DLQ topic's headers tell them (sluice.node, sluice.reason,
// sluice.error, where the record came from): the tail of each partition, read by a throwaway consumer group.
import { randomUUID } from 'node:crypto';
import type { Admin, Kafka } from 'kafkajs';
import type { DeadLetter } from '../../shared/api/pipeline-metrics.ts';
import { DLQ_HEADERS } from '../../shared/engine/dead-letter.ts';
import { dlqTopicName } from '../../shared/engine/topic-names.ts';
import { committedRecordsOf } from './committed-records.ts';
import { fetchTopicEnds } from './topic-offsets.ts';

/** Records looked at per partition: enough to find a node's last ones among others'. */
const TAIL = 500;
const READ_TIMEOUT_MS = 8000;
const VALUE_CHARS = 2000;

type Headers = Record<string, Buffer | string | (Buffer | string)[] | undefined>;

function header(headers: Headers | undefined, name: string): string | undefined {
  const value = headers?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
}

export function deadLetterOf(message: { key: Buffer | null; value: Buffer | null; timestamp: string; headers?: Headers }): DeadLetter {
  const { headers } = message;
  const value = message.value?.toString() ?? null;
  const topic = header(headers, DLQ_HEADERS.sourceTopic);
  const error = header(headers, DLQ_HEADERS.error);
  return {
    node: header(headers, DLQ_HEADERS.node) ?? '',
    reason: header(headers, DLQ_HEADERS.reason) ?? '',
    ...(error !== undefined ? { error } : {}),
    at: new Date(Number(message.timestamp)).toISOString(),
    key: message.key?.toString() ?? null,
    value: value !== null && value.length > VALUE_CHARS ? `${value.slice(0, VALUE_CHARS)}…` : value,
    ...(topic !== undefined
      ? {
          source: {
            topic,
            partition: Number(header(headers, DLQ_HEADERS.sourcePartition)),
            offset: Number(header(headers, DLQ_HEADERS.sourceOffset)),
          },
        }
      : {}),
  };
}

export async function readDeadLetters(
  kafka: Kafka,
  admin: Admin,
  pipelineId: string,
  node: string | undefined,
  limit: number,
): Promise<DeadLetter[]> {
  const topic = dlqTopicName(pipelineId);
  if (!(await admin.listTopics()).includes(topic)) return [];
  const pending = new Map<number, { from: number; high: number }>();
  for (const { partition, high, low } of await fetchTopicEnds(admin, topic)) {
    if (Number(high) > Number(low)) pending.set(partition, { from: Math.max(Number(low), Number(high) - TAIL), high: Number(high) });
  }
  if (pending.size === 0) return [];
  const found: DeadLetter[] = [];
  const consumer = kafka.consumer({ groupId: `sluice-dlq-read-${randomUUID()}`, readUncommitted: false });
  await consumer.connect();
  try {
    let finish: () => void = () => {};
    const finished = new Promise<void>((done) => {
      finish = done;
    });
    consumer.on(consumer.events.GROUP_JOIN, () => {
      for (const [partition, { from }] of pending) consumer.seek({ topic, partition, offset: String(from) });
    });
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        const state = pending.get(batch.partition);
        if (!state) return;
        for (const message of committedRecordsOf(batch).records) {
          if (Number(message.offset) < state.from) continue;
          const letter = deadLetterOf(message);
          if (node === undefined || letter.node === node) found.push(letter);
        }
        if (Number(batch.lastOffset()) + 1 >= state.high || batch.offsetLag() === '0') pending.delete(batch.partition);
        if (pending.size === 0) finish();
      },
    });
    await Promise.race([finished, new Promise((done) => setTimeout(done, READ_TIMEOUT_MS))]);
  } finally {
    await consumer.disconnect();
  }
  return found.sort((a, b) => b.at.localeCompare(a.at)).slice(0, limit);
}
