// The zombie-fencing argument of docs/exactly-once.md, on the real broker:
// a task's new owner claims its transactional id, and the old owner can no longer commit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TaskCommitter, TaskFencedError } from '../../runtime/kafka/task-committer.ts';
import { createTopic, testKafka, uniqueName } from '../setup/kafka.ts';

const kafka = testKafka();
const admin = kafka.admin();
beforeAll(() => admin.connect());
afterAll(() => admin.disconnect());

describe('per-task transactional ids', () => {
  it('fence the previous owner: its commit fails and neither its records nor its offsets become visible', async () => {
    const input = uniqueName('fence-in');
    const output = uniqueName('fence-out');
    await createTopic(admin, input, 1);
    await createTopic(admin, output, 1);
    const groupId = uniqueName('fence-group');
    const transactionalId = uniqueName('task');

    const zombie = new TaskCommitter(kafka, transactionalId, groupId);
    await zombie.claim();
    const successor = new TaskCommitter(kafka, transactionalId, groupId);
    await successor.claim();

    await expect(zombie.commit([{ topic: output, key: 'k', value: 'from-zombie' }], [])).rejects.toBeInstanceOf(TaskFencedError);
    await expect(zombie.commit([], [{ topic: input, partition: 0, nextOffset: 5 }])).rejects.toThrow();

    await successor.commit([{ topic: output, key: 'k', value: 'from-successor' }], [{ topic: input, partition: 0, nextOffset: 3 }]);
    // Transaction markers reach __consumer_offsets just after the commit returns.
    let committed: string | undefined;
    for (let attempt = 0; attempt < 50 && committed !== '3'; attempt++) {
      committed = (await admin.fetchOffsets({ groupId, topics: [input] }))[0]?.partitions[0]?.offset;
      if (committed !== '3') await new Promise((done) => setTimeout(done, 100));
    }
    expect(committed).toBe('3');

    const seen: string[] = [];
    const reader = kafka.consumer({ groupId: uniqueName('reader'), readUncommitted: false });
    await reader.connect();
    await reader.subscribe({ topic: output, fromBeginning: true });
    await reader.run({ eachMessage: async ({ message }) => void seen.push(message.value?.toString() ?? '') });
    const deadline = Date.now() + 15_000;
    while (seen.length < 1 && Date.now() < deadline) await new Promise((done) => setTimeout(done, 50));
    await new Promise((done) => setTimeout(done, 500));
    await reader.disconnect();
    expect(seen).toEqual(['from-successor']);
    await successor.close();
    await zombie.close().catch(() => {});
  });
});
