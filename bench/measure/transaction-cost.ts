// What one hop's transaction costs: a task's committer (runtime/kafka/task-committer.ts, the same
// producer settings and CONCURRENT_TRANSACTIONS retry) committing back to back, each transaction
// one record, the consumed position and the commit, as a task does for a lone record at low load.
// It bounds the latency of a record through review-stats' hops and what 30 tasks' transactions cost.
import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { TaskCommitter } from '../../runtime/kafka/task-committer.ts';
import { createTopics } from './topics.ts';

export interface TransactionCost {
  /** Wall-clock ms per transaction, committed one after the other. */
  msPerTransaction: number;
}

export async function measureTransactionCost(kafka: Kafka, transactions: number): Promise<TransactionCost> {
  const suffix = randomUUID().slice(0, 8);
  const [input, output] = [`bench-txn-in-${suffix}`, `bench-txn-out-${suffix}`];
  await createTopics(kafka, [input, output]);
  const committer = new TaskCommitter(kafka, `bench-txn-${suffix}`, `bench-txn-${suffix}`);
  try {
    await committer.claim();
    const commit = (i: number) =>
      committer.commit(
        [{ topic: output, partition: i % 6, key: 'k', value: 'v'.repeat(300) }],
        [{ topic: input, partition: 0, nextOffset: i + 1 }],
      );
    for (let i = 0; i < 10; i++) await commit(i); // warm-up: connections, coordinators, the group's offsets partition
    const began = performance.now();
    for (let i = 10; i < 10 + transactions; i++) await commit(i);
    return { msPerTransaction: (performance.now() - began) / transactions };
  } finally {
    await committer.close();
  }
}
