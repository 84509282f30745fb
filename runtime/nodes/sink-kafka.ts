// sink.kafka: writes records to a topic as JSON, keyed by keyField (or the record
// key); tombstones stay tombstones, so a compacted output topic forgets deleted keys.
import type { NodeFactory } from '../engine/node-implementation.ts';
import { fieldKey } from '../engine/partitioning.ts';

export const sinkKafka: NodeFactory<'sink.kafka'> = {
  create({ config }) {
    const topicConfig: Record<string, string> = config.compacted ? { 'cleanup.policy': 'compact' } : {};
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
