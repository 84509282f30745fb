// A task's claim walks its producer through a commit's requests with nothing in them (task-committer.ts): on the
// real broker, that must write nothing, commit no offsets, and leave the producer ready for the task's first commit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TaskCommitter } from '../../runtime/kafka/task-committer.ts';
import { fetchTopicEnds } from '../../runtime/kafka/topic-offsets.ts';
import { createTopic, testKafka, uniqueName } from '../setup/kafka.ts';

const kafka = testKafka();
const admin = kafka.admin();
beforeAll(() => admin.connect());
afterAll(() => admin.disconnect());

async function committedOffset(groupId: string, topic: string): Promise<string | undefined> {
  return (await admin.fetchOffsets({ groupId, topics: [topic] }))[0]?.partitions[0]?.offset;
}

describe('warming a task producer up while it claims', () => {
  it('writes no record and commits no offset, and the first commit after it lands whole', async () => {
    const input = uniqueName('warm-in');
    const outputs = [uniqueName('warm-out-a'), uniqueName('warm-out-b')];
    for (const topic of [input, ...outputs]) await createTopic(admin, topic, 2);
    const groupId = uniqueName('warm-group');
    const committer = new TaskCommitter(kafka, uniqueName('warm-task'), groupId);
    try {
      await committer.claim(outputs);
      for (const topic of outputs) expect((await fetchTopicEnds(admin, topic)).map((end) => Number(end.high))).toEqual([0, 0]);
      expect(await committedOffset(groupId, input)).toBe('-1');

      const written = await committer.commit(
        [{ topic: outputs[1] as string, partition: 1, key: 'k', value: 'first' }],
        [{ topic: input, partition: 0, nextOffset: 7 }],
      );
      expect([...written]).toEqual([[`${outputs[1]}:1`, 1]]);
      // The commit's markers reach __consumer_offsets just after it returns.
      let committed = await committedOffset(groupId, input);
      for (let attempt = 0; attempt < 50 && committed !== '7'; attempt++) {
        await new Promise((done) => setTimeout(done, 100));
        committed = await committedOffset(groupId, input);
      }
      expect(committed).toBe('7');
    } finally {
      await committer.close();
    }
  });
});
