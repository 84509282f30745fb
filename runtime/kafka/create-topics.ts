// Creating topics on a cluster of several brokers. kafkajs' createTopics with waitForLeaders asks the broker it
// takes for the controller (on KRaft, any broker) for the new topics' metadata, and gives up when that broker does
// not know them yet (UNKNOWN_TOPIC_OR_PARTITION: its metadata lags the controller by a moment). So the creation
// is asked again (topics that exist by then are left as they are) and the wait for leaders is done here, retrying.
import type { Admin, ITopicConfig } from 'kafkajs';
import { retryWhileRetriable } from './retry.ts';

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Creates the topics (those that exist are left alone) and resolves once every partition of each has a leader. */
export async function createTopicsWithLeaders(admin: Admin, topics: ITopicConfig[], timeoutMs = 30_000): Promise<void> {
  if (topics.length === 0) return;
  await retryWhileRetriable(() => admin.createTopics({ waitForLeaders: false, topics }));
  const names = topics.map((topic) => topic.topic);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const metadata = await retryWhileRetriable(() => admin.fetchTopicMetadata({ topics: names })).catch(() => undefined);
    const led = metadata?.topics.every(
      (topic) => topic.partitions.length > 0 && topic.partitions.every((partition) => partition.leader >= 0),
    );
    if (led && metadata?.topics.length === names.length) return;
    if (Date.now() > deadline) throw new Error(`the new topics ${names.join(', ')} had no leaders after ${timeoutMs / 1000}s`);
    await sleep(100);
  }
}
