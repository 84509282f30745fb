// view.http: writes each record to the view's compacted topic, keyed by keyField (a tombstone by its record key), so
// the topic holds the latest value per key; every runtime process keeps a replica of it and answers GETs from there.
// Each record carries what it reflects: the event time (a window's clock, or the record's own time) and when it was
// written.
import type { NodeFactory } from '../../engine/node-implementation.ts';
import { fieldKey } from '../../engine/partitioning.ts';
import { EVENT_TIME_HEADER } from '../../engine/record.ts';
import { type ViewHttpConfig, viewTopicOf } from './declaration.ts';

export const VIEW_HEADERS = { eventTime: EVENT_TIME_HEADER, processedAt: 'sluice.processed-at' } as const;

export const viewHttpImplementation: NodeFactory<ViewHttpConfig> = {
  create({ id, config }, env) {
    const topic = viewTopicOf(config, { pipelineId: env.pipelineId, nodeId: id });
    return {
      kind: 'operators',
      sinkTopics: [{ name: topic, partitions: config.partitions, config: { 'cleanup.policy': 'compact' } }],
      stages: [
        {
          name: 'view',
          create: () => ({
            process(record, ctx) {
              const key = record.value === null ? record.key : (fieldKey(record, config.keyField) ?? record.key);
              if (key === null) {
                ctx.drop(record.value === null ? 'tombstone-without-key' : 'record-without-key');
                return;
              }
              const eventTime = record.headers[VIEW_HEADERS.eventTime] ?? new Date(record.timestamp).toISOString();
              const headers = { [VIEW_HEADERS.eventTime]: eventTime, [VIEW_HEADERS.processedAt]: new Date(ctx.now()).toISOString() };
              ctx.produce({ topic, key, value: record.value, headers, timestamp: record.timestamp });
            },
          }),
        },
      ],
    };
  },
};
