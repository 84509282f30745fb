import type { Kafka } from 'kafkajs';
import { createTopicsWithLeaders } from '../../runtime/kafka/create-topics.ts';
import { KafkaRecordWriter } from '../../runtime/kafka/record-writer.ts';
import { asWrites, type LoadOperation } from '../load/traffic.ts';

/**
 * Partitions of the bench's source topics: as many as `npm start` gives `reviews` (6: review-stats then has
 * 5 × 6 = 30 tasks, each with its own transactions). SLUICE_BENCH_PARTITIONS sets another count, to measure
 * what the per-task design costs with fewer tasks.
 */
export const SOURCE_PARTITIONS = Number(process.env.SLUICE_BENCH_PARTITIONS ?? 6);

/**
 * As the runtime creates topics: kafkajs' own wait for leaders gave up with UNKNOWN_TOPIC_OR_PARTITION when the
 * broker answering it did not know the new topics yet, which a bench on a restarted local broker met.
 */
export async function createTopics(kafka: Kafka, topics: string[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await createTopicsWithLeaders(
      admin,
      topics.map((name) => ({ topic: name, numPartitions: SOURCE_PARTITIONS })),
    );
  } finally {
    await admin.disconnect();
  }
}

/** Writes the operations as the load generator does (keyed by review id, acks=all, 1,000 a request). */
export async function writeOperations(kafka: Kafka, topic: string, operations: LoadOperation[]): Promise<void> {
  const writer = new KafkaRecordWriter(kafka, { topic, timeoutMs: 60_000 });
  for (let start = 0; start < operations.length; start += 1000) {
    await writer.apply(asWrites(operations.slice(start, start + 1000)));
  }
  await writer.close();
}

/** Creates the topics and writes the operations to the first, before any clock starts. */
export async function fillTopic(kafka: Kafka, topic: string, operations: LoadOperation[], alsoCreate: string[] = []): Promise<void> {
  await createTopics(kafka, [topic, ...alsoCreate]);
  await writeOperations(kafka, topic, operations);
}
