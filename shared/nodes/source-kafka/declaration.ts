import { z } from 'zod';
import { declareNode } from '../../catalog/declaration.ts';
import { ownFieldSchema, topicSchema } from '../../catalog/fields.ts';
import { recordSchemaProblems, recordSchemaSchema } from '../../records/record-schema.ts';

export const sourceKafkaConfigSchema = z
  .strictObject({
    topic: topicSchema.describe('The Kafka topic to read.'),
    format: z.literal('json').default('json').describe('How record values are encoded; JSON objects for now.'),
    keyField: ownFieldSchema.optional().describe('The value field that is the record key (e.g. id); leave out to use the Kafka key.'),
    eventTimeField: ownFieldSchema.optional().describe('The value field holding the event time (ISO-8601 or epoch ms).'),
    startFrom: z.enum(['earliest', 'latest']).default('earliest').describe('Where a new deployment starts reading the topic.'),
    schema: recordSchemaSchema
      .optional()
      .describe("The records' JSON Schema, when known: the validator checks later nodes against it and the designer offers its fields."),
  })
  .describe('Configuration of a source.kafka node.');

export type SourceKafkaConfig = z.output<typeof sourceKafkaConfigSchema>;

export const sourceKafka = declareNode({
  type: 'source.kafka',
  label: 'Kafka topic',
  category: 'source',
  doc: 'Reads JSON records from a Kafka topic.',
  icon: '⇥',
  iconPaths: ['M3 3v10M5.5 8h7.5M10 5l3 3-3 3'],
  color: '#2563eb',
  reads: (config) => [{ topic: config.topic }],
  outputSchema: (config) => config.schema,
  configIssues: (config) =>
    config.schema
      ? recordSchemaProblems(config.schema, ['schema']).map((problem) => ({ ...problem, code: 'schema-mismatch' as const }))
      : [],
  configSchema: sourceKafkaConfigSchema,
  starter: { topic: 'reviews', format: 'json' },
  inputs: [],
  outputs: () => [{ name: 'out', doc: 'Every record of the topic, in partition order.' }],
  keyEffect: (config) => (config.keyField ? 'sets' : 'none'),
  stateful: false,
});
