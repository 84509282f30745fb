import { z } from 'zod';
import { declareNode, IN_PORT } from '../../catalog/declaration.ts';
import { inputFieldSchema, topicSchema } from '../../catalog/fields.ts';
import { durationSchema } from '../../duration.ts';
import { hasField } from '../../records/schema-fields.ts';

export const sinkKafkaConfigSchema = z
  .strictObject({
    topic: topicSchema.describe('The Kafka topic to write (created when missing).'),
    keyField: inputFieldSchema.optional().describe('The value field to use as the Kafka key; leave out to keep the record key.'),
    compacted: z.boolean().default(false).describe('Create the topic log-compacted (keep the latest record per key).'),
    partitions: z.int().min(1).max(1000).default(3).describe('Partitions when the topic is created.'),
    retention: z
      .union([z.literal('forever'), durationSchema])
      .default('forever')
      .describe(
        'How long the topic keeps records when it is created: forever (the default), or a duration. Records carry their event time as timestamp, so a duration counts from the event time: old records go at once.',
      ),
  })
  .describe('Configuration of a sink.kafka node.');

export type SinkKafkaConfig = z.output<typeof sinkKafkaConfigSchema>;

export const sinkKafka = declareNode({
  type: 'sink.kafka',
  label: 'Kafka topic',
  category: 'sink',
  doc: 'Writes records to a Kafka topic, exactly once.',
  icon: '⇤',
  iconPaths: ['M13 3v10M3 8h7.5M8 5l3 3-3 3'],
  color: '#1d4ed8',
  writes: (config) => [{ kind: 'topic', name: config.topic }],
  configSchema: sinkKafkaConfigSchema,
  starter: { topic: '' },
  inputs: [IN_PORT],
  outputs: () => [],
  inputIssues: (config, input) =>
    config.keyField === undefined || hasField(input, config.keyField)
      ? []
      : [
          {
            code: 'schema-mismatch',
            path: ['keyField'],
            message: `the sink keys records by \`${config.keyField}\`, but records reaching it have no \`${config.keyField}\``,
          },
        ],
  keyEffect: () => 'keeps',
  stateful: false,
});
