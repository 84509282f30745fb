// The pipeline format, format 1. The zod schemas here are the one source of truth: the TypeScript types, the
// generated JSON Schema (shared/generated/pipeline.schema.json) and the runtime's validation all come from them.
import { z } from 'zod';
import { type ConfigInputOf, type ConfigOf, configSchemas } from '../catalog/index.ts';
import { NODE_TYPES, type NodeType } from '../catalog/node-type.ts';
import { topicSettingsSchema } from './topic-settings.ts';

export const PIPELINE_FORMAT = 1;

/** Ids the API's own paths use under /api/pipelines/: a pipeline with one of them could never be addressed there. */
export const RESERVED_PIPELINE_IDS = ['validate'] as const;

export const pipelineIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be a slug: lower-case letters, digits and dashes, like review-stats')
  // A pattern rather than a refinement, so the generated JSON Schema (the designer's editor) says it too.
  .regex(
    new RegExp(`^(?!(?:${RESERVED_PIPELINE_IDS.join('|')})$)`),
    'is reserved: /api/pipelines/validate is the validation endpoint; choose another id',
  )
  .describe('The pipeline id, a slug like review-stats; it names topics and consumer groups.');

export const nodeIdSchema = z
  .string()
  .regex(/^[a-z][a-zA-Z0-9_-]{0,62}$/, 'must start with a lower-case letter, then letters, digits, _ or - (like spamFilter)')
  .describe('The node id, unique in the pipeline.');

const endpointSchema = (side: string) =>
  z.strictObject({
    node: z.string().min(1, 'must name a node').describe(`The id of the node the edge ${side}.`),
    port: z.string().min(1, 'must name a port').describe(`The port of that node the edge ${side}.`),
  });

export const edgeSchema = z
  .strictObject({
    from: endpointSchema('leaves').describe('Where records come from.'),
    to: endpointSchema('enters').describe('Where they go.'),
  })
  .describe('Records leaving one node’s output port enter another node’s input port.');

export const layoutSchema = z
  .strictObject({
    nodes: z
      .record(z.string(), z.strictObject({ x: z.number().describe('Left, in pixels.'), y: z.number().describe('Top, in pixels.') }))
      .describe('Node id → position of its box.'),
  })
  .describe('Where the designer draws the nodes; the runtime ignores it, so moving a box never changes what runs.');

function nodeSchemaOf(type: NodeType) {
  return z
    .strictObject({
      id: nodeIdSchema,
      type: z.literal(type).describe('The node type, one of the catalog.'),
      config: configSchemas[type].describe(`The ${type} node's configuration.`),
    })
    .describe(`A ${type} node.`);
}

/** A node of each type with that type's config, as the pipeline file holds it and after parsing (defaults applied). */
type NodeOfEachType<Form extends 'input' | 'output'> = {
  [T in NodeType]: { id: string; type: T; config: Form extends 'input' ? ConfigInputOf<T> : ConfigOf<T> };
}[NodeType];

// One variant per node type in the node list; zod cannot know the union's members statically, TypeScript can.
export const pipelineNodeSchema = z.discriminatedUnion(
  'type',
  NODE_TYPES.map(nodeSchemaOf) as unknown as [ReturnType<typeof nodeSchemaOf>, ...ReturnType<typeof nodeSchemaOf>[]],
) as unknown as z.ZodType<NodeOfEachType<'output'>, NodeOfEachType<'input'>>;

const pipelineFields = {
  $schema: z.string().optional().describe('The JSON Schema editors use to check and complete this file.'),
  format: z.literal(PIPELINE_FORMAT).describe('The pipeline format version; 1.'),
  id: pipelineIdSchema,
  name: z.string().min(1, 'must not be empty').max(200).describe('A human name for the pipeline.'),
  description: z.string().max(2000).optional().describe('What the pipeline is for.'),
  edges: z.array(edgeSchema).describe('The connections between node ports.'),
  topics: topicSettingsSchema.optional(),
  layout: layoutSchema.optional(),
};

export const pipelineSchema = z
  .strictObject({ ...pipelineFields, nodes: z.array(pipelineNodeSchema).describe('The nodes of the pipeline.') })
  .describe('A Sluice pipeline: nodes joined by edges, run on Kafka.');

/**
 * The same shape with each node's type and config left open: the validator parses this first, so an unknown node
 * type is one issue (not a union's worth) and each config is checked by its own type's schema.
 */
export const pipelineEnvelopeSchema = z.strictObject({
  ...pipelineFields,
  // config is checked (present, and against its type's schema) node by node, so it is open here.
  nodes: z.array(z.strictObject({ id: nodeIdSchema, type: z.string(), config: z.unknown().optional() })),
});

export type Pipeline = z.output<typeof pipelineSchema>;
/** A pipeline as written (fields with defaults may be left out). */
export type PipelineInput = z.input<typeof pipelineSchema>;
export type PipelineNode = Pipeline['nodes'][number];
export type Edge = z.output<typeof edgeSchema>;
export type PipelineLayout = z.output<typeof layoutSchema>;
/** A node of type T, with T's config. */
export type PipelineNodeOf<T extends NodeType> = Extract<PipelineNode, { type: T }>;
