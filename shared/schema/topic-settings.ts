// How durable the topics a pipeline creates are: replicas per partition and how many of them must have a
// write before it is acknowledged. Left out, both follow the cluster: 3 replicas and 2 in sync on 3 brokers.
import { z } from 'zod';

export const topicSettingsSchema = z
  .strictObject({
    replicationFactor: z
      .number()
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(32, 'must be at most 32')
      .optional()
      .describe('Replicas of every partition of the topics the pipeline creates. Default: the number of brokers, at most 3.'),
    minInsyncReplicas: z
      .number()
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(32, 'must be at most 32')
      .optional()
      .describe(
        'Replicas that must have a record before a write with acks=all is acknowledged (min.insync.replicas). ' +
          'Default: the replication factor minus one (1 for a single replica).',
      ),
  })
  .refine(
    (settings) => !(settings.replicationFactor && settings.minInsyncReplicas) || settings.minInsyncReplicas <= settings.replicationFactor,
    {
      message: 'minInsyncReplicas must not exceed replicationFactor: no write could ever be acknowledged',
      path: ['minInsyncReplicas'],
    },
  )
  .describe('Replication of the topics the pipeline creates (internal, sink and missing source topics); topics that exist keep theirs.');

export type TopicSettings = z.output<typeof topicSettingsSchema>;

export interface Replication {
  replicationFactor: number;
  minInsyncReplicas: number;
}

/** The replication a cluster of `brokers` brokers gives by default: min(3, brokers) replicas, one fewer in sync. */
export function defaultReplication(brokers: number): Replication {
  const replicationFactor = Math.min(3, Math.max(1, brokers));
  return { replicationFactor, minInsyncReplicas: replicationFactor >= 2 ? replicationFactor - 1 : 1 };
}

/** The replication asked for, or a reason it cannot be had on a cluster of `brokers` brokers. */
export function replicationFor(
  brokers: number,
  settings: TopicSettings = {},
): { ok: true; replication: Replication } | { ok: false; reason: string } {
  const replicationFactor = settings.replicationFactor ?? defaultReplication(brokers).replicationFactor;
  if (replicationFactor > brokers) {
    return {
      ok: false,
      reason: `topics.replicationFactor is ${replicationFactor}, but the cluster has ${brokers} broker${brokers === 1 ? '' : 's'}: lower it or add brokers`,
    };
  }
  const minInsyncReplicas = settings.minInsyncReplicas ?? (replicationFactor >= 2 ? replicationFactor - 1 : 1);
  if (minInsyncReplicas > replicationFactor) {
    return {
      ok: false,
      reason: `topics.minInsyncReplicas is ${minInsyncReplicas}, more than the ${replicationFactor} replica${replicationFactor === 1 ? '' : 's'} each partition has: no write could be acknowledged`,
    };
  }
  return { ok: true, replication: { replicationFactor, minInsyncReplicas } };
}
