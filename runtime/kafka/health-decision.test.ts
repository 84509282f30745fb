import { describe, expect, it } from 'vitest';
import { type ClusterObservation, decideHealth } from './health-decision.ts';

const brokers = [
  { nodeId: 1, address: 'k1:9092' },
  { nodeId: 2, address: 'k2:9092' },
  { nodeId: 3, address: 'k3:9092' },
];
const partition = (partition: number, leader: number, replicas: number[], isr: number[] = replicas) => ({
  partition,
  leader,
  replicas,
  isr,
});

function cluster(overrides: Partial<ClusterObservation> = {}): ClusterObservation {
  return {
    bootstrap: ['k1:9092', 'k2:9092', 'k3:9092'],
    unreachable: [],
    liveBrokers: brokers,
    topics: [
      {
        topic: 'reviews',
        minInsyncReplicas: 2,
        partitions: [partition(0, 1, [1, 2, 3]), partition(1, 2, [2, 3, 1]), partition(2, 3, [3, 1, 2])],
      },
    ],
    ...overrides,
  };
}

describe('decideHealth', () => {
  it('is ok when every broker answers and every partition is fully replicated', () => {
    expect(decideHealth(cluster())).toEqual({ connected: true, brokers: ['k1:9092', 'k2:9092', 'k3:9092'] });
  });

  it('is degraded, not unavailable, with 1 of 3 brokers down while every partition has a leader and min ISR', () => {
    const health = decideHealth(
      cluster({
        unreachable: [{ address: 'k3:9092', reason: 'connect ECONNREFUSED' }],
        liveBrokers: brokers.slice(0, 2),
        topics: [
          {
            topic: 'reviews',
            minInsyncReplicas: 2,
            partitions: [partition(0, 1, [1, 2, 3], [1, 2]), partition(1, 2, [2, 3, 1], [2, 1]), partition(2, 1, [3, 1, 2], [1, 2])],
          },
        ],
      }),
    );
    expect(health).toEqual({
      connected: true,
      brokers: ['k1:9092', 'k2:9092'],
      degraded:
        'broker 3 is down (k3:9092 does not answer: connect ECONNREFUSED); writes still succeed: every partition of reviews has a leader and at least 2 in-sync replicas',
    });
  });

  it('is unavailable when a partition has no leader: the writes keyed to it fail', () => {
    const health = decideHealth(
      cluster({
        bootstrap: ['k1:9092'],
        liveBrokers: brokers.slice(0, 1),
        topics: [{ topic: 'reviews', partitions: [partition(0, 1, [1]), partition(1, -1, [2]), partition(2, -1, [3])] }],
      }),
    );
    expect(health).toEqual({
      connected: false,
      brokers: ['k1:9092'],
      reason: 'partitions 1, 2 of reviews have no leader (brokers 2, 3 are down): writes to them fail',
    });
  });

  it('is unavailable when a partition has fewer in-sync replicas than min.insync.replicas (acks=all is refused)', () => {
    const health = decideHealth(
      cluster({
        // Every broker is up, but partition 0's followers fell out of sync.
        topics: [
          { topic: 'reviews', minInsyncReplicas: 2, partitions: [partition(0, 1, [1, 2, 3], [1]), partition(1, 1, [2, 3, 1], [1, 2])] },
        ],
      }),
    );
    expect(health).toMatchObject({
      connected: false,
      reason: 'partition 0 of reviews has 1 in-sync replica, fewer than min.insync.replicas 2: writes to it fail',
    });
  });

  it('is unavailable with the reasons when no bootstrap broker answers', () => {
    expect(
      decideHealth(
        cluster({
          bootstrap: ['k1:9092', 'k2:9092'],
          unreachable: [
            { address: 'k1:9092', reason: 'connect ECONNREFUSED' },
            { address: 'k2:9092', reason: 'no answer within 3000 ms' },
          ],
          liveBrokers: undefined,
          topics: [],
        }),
      ),
    ).toEqual({
      connected: false,
      brokers: ['k1:9092', 'k2:9092'],
      reason: 'k1:9092: connect ECONNREFUSED; k2:9092: no answer within 3000 ms',
    });
  });

  it('is degraded when a bootstrap address does not answer although the cluster lists every broker alive', () => {
    const health = decideHealth(cluster({ unreachable: [{ address: 'k2:9092', reason: 'timeout' }] }));
    expect(health).toMatchObject({ connected: true, degraded: 'k2:9092 does not answer: timeout' });
  });

  it('is degraded when partitions are under-replicated with every broker up (a replica catching up)', () => {
    const health = decideHealth(
      cluster({
        topics: [{ topic: 'reviews', minInsyncReplicas: 1, partitions: [partition(0, 1, [1, 2, 3], [1, 2]), partition(1, 2, [2, 3, 1])] }],
      }),
    );
    expect(health).toMatchObject({ connected: true, degraded: 'partition 0 of reviews is under-replicated (2 of 3 replicas in sync)' });
  });

  it('is ok on a single broker with its topics (replication factor 1)', () => {
    expect(
      decideHealth({
        bootstrap: ['127.0.0.1:9092'],
        unreachable: [],
        liveBrokers: [{ nodeId: 1, address: '127.0.0.1:9092' }],
        topics: [{ topic: 'reviews', partitions: [partition(0, 1, [1]), partition(1, 1, [1])] }],
      }),
    ).toEqual({ connected: true, brokers: ['127.0.0.1:9092'] });
  });
});
