// Commits that don't wait: a batch is committed as soon as it is processed, so a lone
// record crosses every hop of a pipeline (source → repartition → window → sink) with
// one transaction per hop and no timer in between. The workers' timer tick is set to
// an hour here: if any hop waited for a timer or a commit interval, nothing would arrive.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PipelineRunner } from '../../runtime/kafka/pipeline-runner.ts';
import { validatePipeline } from '../../shared/index.ts';
import { consumeAll, testKafka, uniqueName } from '../setup/kafka.ts';

const kafka = testKafka();
const admin = kafka.admin();
beforeAll(() => admin.connect());
afterAll(() => admin.disconnect());

const HOUR = 60 * 60 * 1000;

function statsPipeline(id: string, input: string, output: string) {
  const result = validatePipeline({
    format: 1,
    id,
    name: 'Counts per course',
    nodes: [
      { id: 'in', type: 'source.kafka', config: { topic: input, format: 'json', keyField: 'id' } },
      {
        id: 'counts',
        type: 'window',
        config: {
          keyField: 'courseId',
          eventTimeField: 'at',
          idField: 'id',
          windows: [{ name: 'allTime', type: 'all-time' }],
          aggregates: [{ name: 'n', fn: 'count' }],
        },
      },
      { id: 'out', type: 'sink.kafka', config: { topic: output, keyField: 'courseId' } },
    ],
    edges: [
      { from: { node: 'in', port: 'out' }, to: { node: 'counts', port: 'in' } },
      { from: { node: 'counts', port: 'out' }, to: { node: 'out', port: 'in' } },
    ],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.pipeline;
}

describe('the commit policy', () => {
  it('brings a lone record through a repartition hop to the sink without waiting for a timer', async () => {
    const [input, output] = [uniqueName('lone'), uniqueName('lone-stats')];
    const pipeline = statsPipeline(uniqueName('commit'), input, output);
    await admin.createTopics({ topics: [{ topic: input, numPartitions: 2 }], waitForLeaders: true });
    const running = new Set<string>();
    const runner = new PipelineRunner(kafka, admin, pipeline, {
      executeSinks: async () => {},
      timerIntervalMs: HOUR,
      onStateChange: (task, state) => {
        if (state === 'running') running.add(task);
      },
    });
    await runner.start();
    const consumer = kafka.consumer({ groupId: uniqueName('read'), readUncommitted: false });
    try {
      const plan = runner.plan;
      if (!plan) throw new Error('no plan');
      expect(plan.subTopologies).toHaveLength(2); // the record takes a hop through Kafka
      const deadline = Date.now() + 60_000;
      while (running.size < plan.tasks.length && Date.now() < deadline) await new Promise((done) => setTimeout(done, 100));
      const producer = kafka.producer({ idempotent: true });
      await producer.connect();
      await producer.send({
        topic: input,
        acks: -1,
        messages: [{ key: 'r1', value: JSON.stringify({ id: 'r1', courseId: 'c1', at: '2026-11-30T12:00:00Z' }) }],
      });
      await producer.disconnect();
      await consumer.connect();
      const values = await consumeAll(consumer, output, 1, 30_000);
      expect(values.map((value) => JSON.parse(value) as unknown)).toEqual([
        { courseId: 'c1', allTime: { n: 1 }, asOf: expect.any(String) },
      ]);
    } finally {
      await consumer.disconnect();
      await runner.stop();
    }
  }, 120_000);
});
