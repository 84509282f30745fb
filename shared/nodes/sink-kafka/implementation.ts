// sink.kafka: writes records to a topic as JSON, keyed by keyField (or the record
// key); tombstones stay tombstones, so a compacted output topic forgets deleted keys.
import { parseDuration } from '../../duration.ts';
import { NodeConfigError, type NodeFactory } from '../../engine/node-implementation.ts';
import { fieldKey } from '../../engine/partitioning.ts';
import type { SinkKafkaConfig } from './declaration.ts';

/**
 * The configs a created topic gets. A compacted topic keeps the latest record per key for good;
 * otherwise no time- or size-based deletion unless the node asks for it (records carry their
 * event time, so a broker default of 7 days would drop every backfilled record at once).
 */
export function sinkTopicConfig(config: SinkKafkaConfig): Record<string, string> {
  if (config.compacted) return { 'cleanup.policy': 'compact' };
  if (config.retention === 'forever') return { 'cleanup.policy': 'delete', 'retention.ms': '-1', 'retention.bytes': '-1' };
  const ms = parseDuration(config.retention);
  if (ms === undefined) throw new NodeConfigError(`'${config.retention}' is not a duration`, '/retention');
  return { 'cleanup.policy': 'delete', 'retention.ms': String(ms) };
}

export const sinkKafkaImplementation: NodeFactory<SinkKafkaConfig> = {
  create({ config }) {
    const topicConfig = sinkTopicConfig(config);
    return {
      kind: 'operators',
      sinkTopics: [{ name: config.topic, partitions: config.partitions, config: topicConfig }],
      stages: [
        {
          name: 'sink',
          create: () => ({
            process(record, ctx) {
              const key = config.keyField ? (fieldKey(record, config.keyField) ?? record.key) : record.key;
              if (record.value === null && key === null) {
                ctx.drop('tombstone-without-key');
                return;
              }
              ctx.produce({ topic: config.topic, key, value: record.value, headers: record.headers, timestamp: record.timestamp });
            },
          }),
        },
      ],
    };
  },
};
