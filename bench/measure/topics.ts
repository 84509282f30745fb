import type { Kafka } from 'kafkajs';
import { KafkaReviewWriter } from '../../runtime/kafka/review-writer.ts';
import type { LoadOperation } from '../load/traffic.ts';

/** Creates the topics and writes the operations to the first, before any clock starts. */
export async function fillTopic(kafka: Kafka, topic: string, operations: LoadOperation[], alsoCreate: string[] = []): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ waitForLeaders: true, topics: [topic, ...alsoCreate].map((name) => ({ topic: name, numPartitions: 6 })) });
  const writer = new KafkaReviewWriter(kafka, { topic, timeoutMs: 60_000 });
  for (let start = 0; start < operations.length; start += 1000) {
    await writer.apply(
      operations.slice(start, start + 1000).map((op) => (op.kind === 'put' ? { review: op.review } : { deleteId: op.id })),
    );
  }
  await writer.close();
  await admin.disconnect();
}
