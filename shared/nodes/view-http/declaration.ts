import { z } from 'zod';
import { declareNode, IN_PORT } from '../../catalog/declaration.ts';
import { inputFieldSchema, topicSchema } from '../../catalog/fields.ts';
import { viewPathSchema } from '../../catalog/http-routes.ts';
import { hasField } from '../../records/schema-fields.ts';
import { nounSchema } from '../source-http/declaration.ts';

export const viewHttpConfigSchema = z
  .strictObject({
    path: viewPathSchema,
    keyField: inputFieldSchema.describe('The field of the records reaching the view that is their key; the placeholder names it.'),
    topic: topicSchema.optional().describe("The view's compacted topic (created when missing), default sluice.<pipeline>.<node>."),
    partitions: z.int().min(1).max(1000).default(3).describe('Partitions when the topic is created.'),
    noun: nounSchema.default({ one: 'item', many: 'items' }),
    title: z
      .string()
      .min(1)
      .max(100)
      .default('The values')
      .describe('What the view serves, as a sentence starts: "Course statistics are being restored".'),
    keysParameter: z
      .string()
      .regex(/^[a-z][a-zA-Z]{0,30}$/, 'must be a query parameter name like keys')
      .default('keys')
      .describe('The query parameter of the multi-key form: GET <path without the placeholder>?keys=a,b.'),
    maxKeys: z.int().min(1).max(1000).default(100).describe('The most keys one multi-key read may ask for.'),
    notFound: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe("The 404 message for a key without a value; {key} is replaced by the key. Default: No <noun> '<key>' has a value."),
  })
  .describe('Configuration of a view.http node.');

export type ViewHttpConfig = z.output<typeof viewHttpConfigSchema>;

export const viewTopicOf = (config: Pick<ViewHttpConfig, 'topic'>, place: { pipelineId: string; nodeId: string }) =>
  config.topic ?? `sluice.${place.pipelineId}.${place.nodeId}`;

export const viewHttp = declareNode({
  type: 'view.http',
  label: 'HTTP view',
  category: 'sink',
  doc: 'Serves the latest record per key over REST, from every runtime process.',
  icon: '⤒',
  iconPaths: ['M2.5 3.5h11v9h-11z', 'M2.5 6.5h11M5 9h3M5 11h5'],
  color: '#15803d',
  writes: (config, place) => [{ kind: 'topic', name: viewTopicOf(config, place) }],
  endpoint: (config, place) => ({
    kind: 'view',
    path: config.path,
    topic: viewTopicOf(config, place),
    keyField: config.keyField,
    noun: config.noun,
    title: config.title,
    keysParameter: config.keysParameter,
    maxKeys: config.maxKeys,
    notFound: config.notFound ?? `No ${config.noun.one} '{key}' has a value.`,
  }),
  configSchema: viewHttpConfigSchema,
  starter: { path: '/api/items/{key}', keyField: 'key' },
  inputs: [IN_PORT],
  outputs: () => [],
  inputIssues: (config, input) =>
    hasField(input, config.keyField)
      ? []
      : [
          {
            code: 'schema-mismatch',
            path: ['keyField'],
            message: `the view is keyed by \`${config.keyField}\`, but records reaching it have no \`${config.keyField}\``,
          },
        ],
  keyEffect: () => 'keeps',
  stateful: false,
});
