import type { Message, RecordMetadata, TopicMessages } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { coverage, DuplicatedWriteError, IncompleteWriteError, pinningPartitioner, sendCovered } from './covered-send.ts';

const answer = (topicName: string, partition: number): RecordMetadata => ({ topicName, partition, errorCode: 0 });
const messages = (partitions: number[]): Message[] => partitions.map((partition, i) => ({ partition, key: `k${i}`, value: `v${i}` }));

describe('a send that checks kafkajs wrote every partition', () => {
  it('finds the messages of partitions no response covers, and partitions answered twice', () => {
    const sent: TopicMessages[] = [{ topic: 'a', messages: messages([0, 1, 2, 2]) }];
    expect(coverage(sent, [answer('a', 0), answer('a', 1)]).missing).toEqual([{ topic: 'a', messages: messages([0, 1, 2, 2]).slice(2) }]);
    expect(coverage(sent, [answer('a', 0), answer('a', 1), answer('a', 2), answer('a', 1)]).duplicated).toEqual(['a:1']);
    expect(coverage(sent, [answer('a', 0), answer('a', 1), answer('a', 2)])).toEqual({ missing: [], duplicated: [] });
  });

  it('sends again only what kafkajs skipped (the partitions of a broker that died), until everything is covered', async () => {
    const calls: TopicMessages[][] = [];
    // The first call "forgets" partition 2, as kafkajs' retry does when partition 2 moved to a broker that had answered.
    const send = async (batch: TopicMessages[]) => {
      calls.push(batch);
      const partitions = [...new Set(batch.flatMap((entry) => entry.messages.map((message) => message.partition ?? -1)))];
      return (calls.length === 1 ? partitions.filter((partition) => partition !== 2) : partitions).map((partition) =>
        answer('a', partition),
      );
    };
    const resent: number[] = [];
    await sendCovered(send, [{ topic: 'a', messages: messages([0, 1, 2, 2]) }], { onResend: (_missing, attempt) => resent.push(attempt) });
    expect(calls).toHaveLength(2);
    expect(calls[1]).toEqual([{ topic: 'a', messages: messages([0, 1, 2, 2]).slice(2) }]);
    expect(resent).toEqual([1]);
  });

  it('says so when a partition was written twice, and when partitions stay unwritten', async () => {
    const twice = async () => [answer('a', 0), answer('a', 0)];
    await expect(sendCovered(twice, [{ topic: 'a', messages: messages([0]) }])).rejects.toThrow(DuplicatedWriteError);
    const never = async () => [];
    await expect(sendCovered(never, [{ topic: 'a', messages: messages([0]) }], { resends: 2 })).rejects.toThrow(IncompleteWriteError);
  });

  it('pins each message to the partition Kafka’s default partitioner picks, so that every retry sends it there', () => {
    const partition = pinningPartitioner();
    const partitionMetadata = [0, 1, 2].map((partitionId) => ({ partitionErrorCode: 0, partitionId, leader: 1, replicas: [1], isr: [1] }));
    const keyed: Message = { key: 'review-42', value: 'x' };
    const chosen = partition({ topic: 'a', partitionMetadata, message: keyed });
    expect(keyed.partition).toBe(chosen);
    const unkeyed: Message = { value: 'y' };
    const first = partition({ topic: 'a', partitionMetadata, message: unkeyed });
    expect(partition({ topic: 'a', partitionMetadata, message: unkeyed })).toBe(first);
  });
});
