import { z } from 'zod';
import { declareNode } from '../../catalog/declaration.ts';
import { ownFieldSchema, topicSchema } from '../../catalog/fields.ts';
import { ingestPathSchema } from '../../catalog/http-routes.ts';
import { durationSchema, parseDuration } from '../../duration.ts';
import { isTimeLike, recordSchemaProblems, recordSchemaSchema } from '../../records/record-schema.ts';
import { type ConfigProblem, durationProblems } from '../../validation/config-problems.ts';

/** How the API's messages name one record and several: "The review has invalid fields", "A batch holds 1 to 1000 reviews". */
export const nounSchema = z
  .strictObject({
    one: z
      .string()
      .regex(/^[a-z][a-z -]{0,40}$/, 'must be a lower-case noun, like review')
      .describe('One record, like review.'),
    many: z
      .string()
      .regex(/^[a-z][a-z -]{0,40}$/, 'must be a lower-case noun, like reviews')
      .describe('Several, like reviews.'),
  })
  .describe('What the endpoint calls its records in answers and errors.');

export const sourceHttpConfigSchema = z
  .strictObject({
    path: ingestPathSchema,
    keyField: ownFieldSchema.describe('The field that is the record key (e.g. id): posting the same key again is an edit.'),
    schema: recordSchemaSchema,
    eventTimeField: ownFieldSchema.optional().describe('The field holding the event time (a date-time string or epoch ms).'),
    maxFuture: durationSchema.default('5m').describe('How far in the future an event time may be; clocks drift a little.'),
    topic: topicSchema
      .optional()
      .describe('The backing topic (created when missing), default sluice.<pipeline>.<node>; other producers may write it too.'),
    partitions: z.int().min(1).max(1000).default(6).describe('Partitions when the topic is created.'),
    idempotencyField: ownFieldSchema
      .optional()
      .describe('A field whose value makes a write count once: the same value for the same key sent again is dropped.'),
    idempotencyWindow: durationSchema.default('1d').describe('How long an idempotency value is remembered.'),
    allowDelete: z.boolean().default(false).describe('Whether DELETE <path>/<key> deletes a record (a tombstone for its key).'),
    noun: nounSchema.default({ one: 'record', many: 'records' }),
  })
  .describe('Configuration of a source.http node.');

export type SourceHttpConfig = z.output<typeof sourceHttpConfigSchema>;

/** The topic the endpoint writes and the node reads. */
export const ingestTopicOf = (config: Pick<SourceHttpConfig, 'topic'>, place: { pipelineId: string; nodeId: string }) =>
  config.topic ?? `sluice.${place.pipelineId}.${place.nodeId}`;

function ownFieldProblems(config: SourceHttpConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const { properties, required = [] } = config.schema;
  const field = (name: string) => properties[name];
  if (!field(config.keyField) || !required.includes(config.keyField))
    problems.push({
      code: 'schema-mismatch',
      path: ['keyField'],
      message: `'${config.keyField}' must be a required field of the schema: every record needs its key`,
    });
  if (config.eventTimeField !== undefined && !isTimeLike(field(config.eventTimeField)))
    problems.push({
      code: 'schema-mismatch',
      path: ['eventTimeField'],
      message: `'${config.eventTimeField}' must be a field of the schema holding a time: a string with format date-time, or a number (epoch ms)`,
    });
  if (config.idempotencyField !== undefined && !field(config.idempotencyField))
    problems.push({
      code: 'schema-mismatch',
      path: ['idempotencyField'],
      message: `'${config.idempotencyField}' is not a field of the schema`,
    });
  return problems;
}

export const sourceHttp = declareNode({
  type: 'source.http',
  label: 'HTTP endpoint',
  category: 'source',
  doc: 'Takes records posted over HTTP, checked against their schema, into a Kafka topic.',
  icon: '⤓',
  iconPaths: ['M2 4.5h5M2 8h4M2 11.5h5', 'M9 8h5M11.5 5.5 14 8l-2.5 2.5'],
  color: '#0369a1',
  reads: (config, place) => [{ topic: ingestTopicOf(config, place), partitions: config.partitions }],
  endpoint: (config, place) => ({
    kind: 'ingest',
    path: config.path,
    topic: ingestTopicOf(config, place),
    partitions: config.partitions,
    keyField: config.keyField,
    schema: config.schema,
    ...(config.eventTimeField === undefined ? {} : { eventTimeField: config.eventTimeField }),
    maxFutureMs: parseDuration(config.maxFuture) ?? 0,
    allowDelete: config.allowDelete,
    noun: config.noun,
  }),
  configSchema: sourceHttpConfigSchema,
  starter: {
    path: '/api/records',
    keyField: 'id',
    schema: { type: 'object', properties: { id: { type: 'string', minLength: 1, maxLength: 64 } }, required: ['id'] },
  },
  inputs: [],
  outputs: () => [{ name: 'out', doc: 'Every record posted (and each delete, as a tombstone), in partition order.' }],
  outputSchema: (config) => config.schema,
  keyEffect: () => 'sets',
  configIssues: (config) => [
    ...recordSchemaProblems(config.schema, ['schema']).map((problem) => ({ ...problem, code: 'schema-mismatch' as const })),
    ...ownFieldProblems(config),
    ...durationProblems(config.maxFuture, ['maxFuture'], false),
    ...durationProblems(config.idempotencyWindow, ['idempotencyWindow'], true),
  ],
  stateful: false,
});
