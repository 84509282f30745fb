// A topic's offsets asked the moment after it was created, the way a view opens on a topic a
// pipeline has just made: every partition is answered (kafkajs alone may throw a TypeError then).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchTopicEnds } from '../../runtime/kafka/topic-offsets.ts';
import { testKafka, uniqueName } from '../setup/kafka.ts';

const admin = testKafka().admin();
beforeAll(() => admin.connect());
afterAll(() => admin.disconnect());

describe('fetchTopicEnds', () => {
  it('answers every partition of topics created a moment ago, with what was written to them', async () => {
    const topics = Array.from({ length: 5 }, () => uniqueName('fresh-offsets'));
    // Not waiting for leaders: the call itself must wait for them.
    await admin.createTopics({ topics: topics.map((topic) => ({ topic, numPartitions: 6 })), waitForLeaders: false });
    const answers = await Promise.all(topics.map((topic) => fetchTopicEnds(admin, topic)));
    for (const offsets of answers) {
      expect(offsets.map((o) => o.partition).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5]);
      expect(offsets.every((o) => o.low === 0 && o.high === 0)).toBe(true);
    }
    const written = topics[0] ?? '';
    const producer = testKafka().producer();
    await producer.connect();
    await producer.send({
      topic: written,
      messages: [
        { key: 'a', value: '1', partition: 2 },
        { key: 'b', value: '2', partition: 2 },
      ],
    });
    await producer.disconnect();
    expect((await fetchTopicEnds(admin, written)).find((o) => o.partition === 2)).toEqual({ partition: 2, low: 0, high: 2 });
  });

  it('says which topic it cannot answer for when the topic does not exist', async () => {
    await expect(fetchTopicEnds(admin, uniqueName('never-created'))).rejects.toThrow();
  });
});
