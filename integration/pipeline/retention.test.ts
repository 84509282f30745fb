// Acknowledged records never fall to a topic's retention. Records carry their event time as
// timestamp, so reviews written two years ago (a backfill) are "older than 7 days" to the broker:
// with its default retention the segments holding them are deleted at the next retention check
// (set to every second in the test broker). The pipeline's topics must keep them, and the
// repartition topic must be purged explicitly once the pipeline has committed past its records.

import kafkajs from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PipelineRunner } from '../../runtime/kafka/pipeline-runner.ts';
import { KafkaRecordWriter } from '../../runtime/kafka/record-writer.ts';
import { fetchTopicEnds } from '../../runtime/kafka/topic-offsets.ts';
import { reviewRecord } from '../../shared/api/review.ts';
import { validatePipeline } from '../../shared/index.ts';
import { testKafka, uniqueName } from '../setup/kafka.ts';

const kafka = testKafka();
const admin = kafka.admin();
const { ConfigResourceTypes } = kafkajs;
beforeAll(() => admin.connect());
afterAll(() => admin.disconnect());

const DAY = 86_400_000;
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

function backfillPipeline(id: string, input: string, valid: string, stats: string) {
  const result = validatePipeline({
    format: 1,
    id,
    name: 'Backfill',
    nodes: [
      { id: 'in', type: 'source.kafka', config: { topic: input, keyField: 'id', eventTimeField: 'createdAt' } },
      { id: 'rated', type: 'filter', config: { expression: 'rating >= 0.5' } },
      { id: 'valid', type: 'sink.kafka', config: { topic: valid, keyField: 'id' } },
      {
        id: 'perCourse',
        type: 'window',
        config: {
          keyField: 'courseId',
          eventTimeField: 'createdAt',
          idField: 'id',
          windows: [{ name: 'allTime', type: 'all-time' }],
          aggregates: [{ name: 'count', fn: 'count' }],
        },
      },
      { id: 'stats', type: 'sink.kafka', config: { topic: stats, keyField: 'courseId', compacted: true } },
    ],
    edges: [
      { from: { node: 'in', port: 'out' }, to: { node: 'rated', port: 'in' } },
      { from: { node: 'rated', port: 'out' }, to: { node: 'valid', port: 'in' } },
      { from: { node: 'rated', port: 'out' }, to: { node: 'perCourse', port: 'in' } },
      { from: { node: 'perCourse', port: 'out' }, to: { node: 'stats', port: 'in' } },
    ],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.pipeline;
}

/** Every record of a topic, from its low watermark, as key → last value. */
async function readTopic(topic: string): Promise<{ count: number; latest: Map<string, string> }> {
  const offsets = await fetchTopicEnds(admin, topic);
  const expected = offsets.reduce((sum, partition) => sum + Number(partition.high) - Number(partition.low), 0);
  const latest = new Map<string, string>();
  let count = 0;
  const consumer = kafka.consumer({ groupId: uniqueName('read'), readUncommitted: false });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      count++;
      latest.set(message.key?.toString() ?? '', message.value?.toString() ?? '');
    },
  });
  // Transaction markers take offsets too: stop once the topic has been quiet for a while.
  const deadline = Date.now() + 20_000;
  let seen = -1;
  while (Date.now() < deadline && (count !== seen || count === 0) && expected > 0) {
    seen = count;
    await sleep(1500);
  }
  await consumer.disconnect();
  return { count, latest };
}

describe('records with old event times', () => {
  it('are all in the outputs after the broker checked retention, and the repartition topic is purged once committed', async () => {
    const [input, valid, stats] = [uniqueName('backfill'), uniqueName('backfill-valid'), uniqueName('backfill-stats')];
    const pipeline = backfillPipeline(uniqueName('retention'), input, valid, stats);
    const writer = new KafkaRecordWriter(kafka, { topic: input, partitions: 2 });
    await writer.ensureTopic(admin);
    // Two years ago to one year ago, shuffled: consecutive records are weeks apart, so the
    // broker rolls a segment often and a 7-day retention would delete nearly all of them.
    const now = Date.now();
    const reviews = Array.from({ length: 400 }, (_, i) => ({
      id: `b${i}`,
      courseId: `c${i % 7}`,
      userId: `u${i}`,
      rating: 4,
      createdAt: new Date(now - 730 * DAY + ((i * 7919) % 365) * DAY).toISOString(),
    }));
    for (let start = 0; start < reviews.length; start += 50) await writer.put(reviews.slice(start, start + 50).map(reviewRecord));
    await writer.close();

    const runner = new PipelineRunner(kafka, admin, pipeline, { executeSinks: async () => {}, purgeIntervalMs: 1000 });
    const plan = await runner.provision();
    await runner.start();
    const repartition = plan.topics.find((topic) => topic.role === 'repartition')?.name ?? '';
    expect(repartition).not.toBe('');
    try {
      // Processed, committed, then several retention checks and purges later:
      const deadline = Date.now() + 60_000;
      let purged = 0;
      while (Date.now() < deadline) {
        const offsets = await fetchTopicEnds(admin, repartition);
        purged = offsets.reduce((sum, partition) => sum + Number(partition.low), 0);
        const written = offsets.reduce((sum, partition) => sum + Number(partition.high), 0);
        if (written > 0 && purged >= reviews.length) break;
        await sleep(500);
      }
      // Every review crossed the repartition topic, and the purge removed them once committed.
      expect(purged).toBeGreaterThanOrEqual(reviews.length);
      await sleep(3000);
    } finally {
      await runner.stop();
    }

    const validOut = await readTopic(valid);
    expect([...validOut.latest.keys()].sort()).toEqual(reviews.map((review) => review.id).sort());
    const statsOut = await readTopic(stats);
    const counts = Object.fromEntries(
      [...statsOut.latest].map(([course, value]) => [course, (JSON.parse(value) as { allTime: { count: number } }).allTime.count]),
    );
    const expected: Record<string, number> = {};
    for (const review of reviews) expected[review.courseId] = (expected[review.courseId] ?? 0) + 1;
    expect(counts).toEqual(expected);
  });
});

describe('an internal topic made by an older version', () => {
  it('gets the retention the plan asks for when the pipeline is provisioned again', async () => {
    const [input, valid, stats] = [uniqueName('old'), uniqueName('old-valid'), uniqueName('old-stats')];
    const pipeline = backfillPipeline(uniqueName('aligned'), input, valid, stats);
    const first = new PipelineRunner(kafka, admin, pipeline, { executeSinks: async () => {} });
    const plan = await first.provision();
    const repartition = plan.topics.find((topic) => topic.role === 'repartition')?.name ?? '';
    const week = String(7 * DAY);
    await admin.alterConfigs({
      validateOnly: false,
      resources: [{ type: ConfigResourceTypes.TOPIC, name: repartition, configEntries: [{ name: 'retention.ms', value: week }] }],
    });
    expect(await retentionBecomes(repartition, week)).toBe(week);
    await new PipelineRunner(kafka, admin, pipeline, { executeSinks: async () => {} }).provision();
    expect(await retentionBecomes(repartition, '-1')).toBe('-1');
  });
});

/** Config changes reach the broker through the metadata log: wait a little for the one expected. */
async function retentionBecomes(topic: string, expected: string): Promise<string | undefined> {
  let value = await retentionOf(topic);
  for (let attempt = 0; attempt < 50 && value !== expected; attempt++) {
    await sleep(100);
    value = await retentionOf(topic);
  }
  return value;
}

async function retentionOf(topic: string): Promise<string | undefined> {
  const described = await admin.describeConfigs({
    includeSynonyms: false,
    resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configNames: ['retention.ms'] }],
  });
  return described.resources[0]?.configEntries.find((entry) => entry.configName === 'retention.ms')?.configValue;
}
