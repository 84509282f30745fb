// kafkajs' own produce retry (src/producer/sendMessages.js, as patched by patches/kafkajs+2.2.4.patch) around a fake
// cluster: one partition's leader fails at once and the partition moves, the other's leader answers slowly.
// Unpatched, the retry began while the slow request was still in flight and sent its records again, which the broker
// appended (the copy had the next sequence numbers) and whose answer replaced the first one's, so sendCovered saw
// nothing wrong.
import { createRequire } from 'node:module';
import type { Message, RecordMetadata, RetryOptions, TopicMessages } from 'kafkajs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sendCovered } from './covered-send.ts';

const require = createRequire(import.meta.url);
type SendMessages = (request: { acks: number; topicMessages: TopicMessages[] }) => Promise<RecordMetadata[]>;
const createSendMessages = require('kafkajs/src/producer/sendMessages.js') as (options: Record<string, unknown>) => SendMessages;
const createRetry = require('kafkajs/src/retry/index.js') as (options: RetryOptions) => unknown;
const createEosManager = require('kafkajs/src/producer/eosManager/index.js') as (options: Record<string, unknown>) => {
  initProducerId(): Promise<void>;
};
const { createErrorFromCode } = require('kafkajs/src/protocol/error.js') as { createErrorFromCode: (code: number) => Error };

const NOT_LEADER_FOR_PARTITION = 6;
const logger = { debug() {}, info() {}, warn() {}, error() {} };

interface ProduceRequest {
  topicData: { topic: string; partitions: { partition: number; firstSequence: number; messages: Message[] }[] }[];
}

/** Partition 0 on broker 1, which fails and hands it to broker 3; partition 1 on broker 2, which answers after 200 ms. */
function fakeCluster() {
  const leaders: Record<number, number> = { 0: 1, 1: 2 };
  const appended: Record<number, unknown[]> = { 0: [], 1: [] };
  const nextSequence: Record<number, number> = { 0: 0, 1: 0 };
  /** What a partition's leader does with an idempotent producer's batch: a sequence it has seen is not appended again. */
  const append = ({ topicData }: ProduceRequest) => {
    for (const { partition, firstSequence, messages } of topicData.flatMap((topic) => topic.partitions)) {
      if (firstSequence < (nextSequence[partition] ?? 0)) continue;
      appended[partition]?.push(...messages.map((message) => message.value));
      nextSequence[partition] = firstSequence + messages.length;
    }
    return {
      topics: topicData.map(({ topic, partitions }) => ({
        topicName: topic,
        partitions: partitions.map(({ partition }) => ({ partition, errorCode: 0, baseOffset: '0' })),
      })),
    };
  };
  const brokers: Record<number, { nodeId: number; produce(request: ProduceRequest): Promise<unknown> }> = {
    1: {
      nodeId: 1,
      produce: async () => {
        leaders[0] = 3;
        throw createErrorFromCode(NOT_LEADER_FOR_PARTITION);
      },
    },
    2: { nodeId: 2, produce: (request) => new Promise((answer) => setTimeout(() => answer(append(request)), 200)) },
    3: { nodeId: 3, produce: async (request) => append(request) },
  };
  const cluster = {
    retry: {},
    targetTopics: new Set<string>(),
    isConnected: () => true,
    refreshMetadata: async () => {},
    refreshMetadataIfNecessary: async () => {},
    addMultipleTargetTopics: async () => {},
    removeBroker: () => {},
    findControllerBroker: async () => ({ initProducerId: async () => ({ producerId: 1, producerEpoch: 0 }) }),
    findBroker: async ({ nodeId }: { nodeId: number }) => brokers[nodeId],
    findTopicPartitionMetadata: () => [0, 1].map((partitionId) => ({ partitionId, leader: leaders[partitionId] })),
    findLeaderForPartitions: (_topic: string, partitions: string[]) => {
      const byLeader: Record<number, number[]> = {};
      for (const partition of partitions.map(Number)) {
        const leader = leaders[partition] ?? -1;
        byLeader[leader] = [...(byLeader[leader] ?? []), partition];
      }
      return byLeader;
    },
  };
  return { cluster, appended };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('kafkajs’ produce retry while one leader fails at once and another answers slowly', () => {
  it('writes every record once', async () => {
    // A fake clock: the slow answer and the retry's 25 ms wait run in the order of their times, without waiting.
    vi.useFakeTimers();
    const { cluster, appended } = fakeCluster();
    const eosManager = createEosManager({ logger, cluster, transactional: false });
    await eosManager.initProducerId();
    const send = createSendMessages({
      logger,
      cluster,
      eosManager,
      partitioner: ({ message }: { message: Message }) => message.partition,
      retrier: createRetry({ initialRetryTime: 25, retries: 9 }), // the task committer's retry
    });
    const messages = ['a', 'b', 'c', 'd'].map((value, i) => ({ value, partition: i % 2 }));

    await Promise.all([
      sendCovered((topicMessages) => send({ acks: -1, topicMessages }), [{ topic: 't', messages }]),
      vi.runAllTimersAsync(),
    ]);

    expect(appended).toEqual({ 0: ['a', 'c'], 1: ['b', 'd'] });
  });
});
