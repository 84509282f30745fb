// Two producers' transactions overlap on one partition and both abort (what a crash leaves on a
// repartition topic). A reader must see none of their records, from the beginning or from a
// committed position inside them. kafkajs' own read_committed filtering lets some through
// (runtime/kafka/committed-records.ts says why); the pipeline's readers must not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readChangelogs } from '../../runtime/kafka/changelog-reader.ts';
import { PipelineRunner } from '../../runtime/kafka/pipeline-runner.ts';
import { validatePipeline } from '../../shared/index.ts';
import { createTopic, testKafka, uniqueName } from '../setup/kafka.ts';

const kafka = testKafka();
const admin = kafka.admin();
beforeAll(() => admin.connect());
afterAll(() => admin.disconnect());

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Offsets: a1 0, b1 1, a2 2, b2 3, abort markers 4 and 5, then `committed` from 6 on. */
async function writeOverlappingAborts(topic: string, committed: string[]): Promise<void> {
  const [p1, p2] = [1, 2].map(() => kafka.producer({ transactionalId: uniqueName('tx'), idempotent: true, maxInFlightRequests: 1 }));
  if (!p1 || !p2) throw new Error('no producers');
  await Promise.all([p1.connect(), p2.connect()]);
  const t1 = await p1.transaction();
  const t2 = await p2.transaction();
  const one = (value: string) => ({ topic, messages: [{ key: value, value: JSON.stringify({ id: value }) }] });
  await t1.send(one('a1'));
  await t2.send(one('b1'));
  await t1.send(one('a2'));
  await t2.send(one('b2'));
  await t2.abort();
  await t1.abort();
  const plain = kafka.producer({ idempotent: true });
  await plain.connect();
  await plain.send({ topic, acks: -1, messages: committed.map((value) => ({ key: value, value: JSON.stringify({ id: value }) })) });
  await Promise.all([p1.disconnect(), p2.disconnect(), plain.disconnect()]);
}

async function readKeys(topic: string, expected: number): Promise<string[]> {
  const keys: string[] = [];
  const consumer = kafka.consumer({ groupId: uniqueName('read'), readUncommitted: false });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({ eachMessage: async ({ message }) => void keys.push(message.key?.toString() ?? '') });
  const deadline = Date.now() + 20_000;
  while (keys.length < expected && Date.now() < deadline) await sleep(100);
  await sleep(1500); // anything more would be a record that should not be there
  await consumer.disconnect();
  return keys.sort();
}

describe('records of overlapping aborted transactions', () => {
  it.each([
    ['from the beginning', undefined],
    ['from a committed position inside them', '3'],
  ])('never reach a pipeline reading %s', async (_, committedOffset) => {
    const [input, output] = [uniqueName('overlap-in'), uniqueName('overlap-out')];
    await createTopic(admin, input, 1);
    await writeOverlappingAborts(input, ['c1', 'c2']);
    const result = validatePipeline({
      format: 1,
      id: uniqueName('overlap'),
      name: 'Copy',
      nodes: [
        { id: 'in', type: 'source.kafka', config: { topic: input, keyField: 'id' } },
        { id: 'out', type: 'sink.kafka', config: { topic: output, keyField: 'id' } },
      ],
      edges: [{ from: { node: 'in', port: 'out' }, to: { node: 'out', port: 'in' } }],
    });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const runner = new PipelineRunner(kafka, admin, result.pipeline, { executeSinks: async () => {} });
    await runner.provision();
    // As if the pipeline had committed up to b2 before a restart.
    if (committedOffset)
      await admin.setOffsets({ groupId: runner.groupId, topic: input, partitions: [{ partition: 0, offset: committedOffset }] });
    await runner.start();
    try {
      expect(await readKeys(output, 2)).toEqual(['c1', 'c2']);
    } finally {
      await runner.stop();
    }
  });

  it('are not restored into state', async () => {
    const changelog = uniqueName('overlap-changelog');
    await createTopic(admin, changelog, 1);
    await writeOverlappingAborts(changelog, ['c1']);
    const restored: string[] = [];
    await readChangelogs(kafka, admin, [{ topic: changelog, partition: 0 }], (record) => void restored.push(record.key));
    expect(restored).toEqual(['c1']);
  });
});
