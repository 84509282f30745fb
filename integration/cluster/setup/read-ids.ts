// Reads a whole output topic (read_committed) and says where each review id's records are in it.
import type { Kafka } from 'kafkajs';
import { uniqueName } from '../../setup/kafka.ts';

/** Where the records of one id are: `partition@offset` and the producer id of their batch, for a failure to point at. */
export type IdPositions = Map<string, string[]>;

/**
 * Reads until, after joining its group, no new record came for `quietMs` (or `timeoutMs` passed). Tombstones are
 * not counted.
 */
export async function readIdsOf(kafka: Kafka, topic: string, quietMs = 8000, timeoutMs = 180_000): Promise<IdPositions> {
  const positions: IdPositions = new Map();
  const consumer = kafka.consumer({ groupId: uniqueName('count'), readUncommitted: false, maxWaitTimeInMs: 200 });
  let lastRecordAt: number | undefined;
  consumer.on(consumer.events.GROUP_JOIN, () => {
    lastRecordAt = Date.now();
  });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachBatch: async ({ batch }) => {
      lastRecordAt = Date.now();
      for (const message of batch.messages) {
        if (!message.value) continue;
        const id = (JSON.parse(message.value.toString()) as { id?: string }).id ?? `(no id at ${message.offset})`;
        // batchContext is kafkajs' record batch header (not in its types): which producer wrote the record.
        const producer = (message as { batchContext?: { producerId?: string } }).batchContext?.producerId;
        positions.set(id, [...(positions.get(id) ?? []), `${topic}/${batch.partition}@${message.offset} producer ${producer}`]);
      }
    },
  });
  const deadline = Date.now() + timeoutMs;
  while ((lastRecordAt === undefined || Date.now() - lastRecordAt < quietMs) && Date.now() < deadline)
    await new Promise((done) => setTimeout(done, 250));
  await consumer.disconnect();
  return positions;
}
