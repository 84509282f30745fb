// The node catalog: one declaration per node type, collected here.
import type { z } from 'zod';
import { branch, branchConfigSchema } from './branch.ts';
import type { NodeDeclaration } from './declaration.ts';
import { filter, filterConfigSchema } from './filter.ts';
import { map, mapConfigSchema } from './map.ts';
import type { NodeType } from './node-type.ts';
import { sinkKafka, sinkKafkaConfigSchema } from './sink-kafka.ts';
import { sinkPostgres, sinkPostgresConfigSchema } from './sink-postgres.ts';
import { sourceKafka, sourceKafkaConfigSchema } from './source-kafka.ts';
import { spamFilter, spamFilterConfigSchema } from './spam-filter.ts';
import { window, windowConfigSchema } from './window.ts';

/** Each node type's config schema; `ConfigOf` derives from it. */
export const configSchemas = {
  'source.kafka': sourceKafkaConfigSchema,
  'spam-filter': spamFilterConfigSchema,
  window: windowConfigSchema,
  filter: filterConfigSchema,
  map: mapConfigSchema,
  branch: branchConfigSchema,
  'sink.kafka': sinkKafkaConfigSchema,
  'sink.postgres': sinkPostgresConfigSchema,
} satisfies Record<NodeType, z.ZodType>;

/** The parsed (defaults applied) config of node type T. */
export type ConfigOf<T extends NodeType> = z.output<(typeof configSchemas)[T]>;

/** The config of node type T as written in a pipeline file (fields with defaults may be left out). */
export type ConfigInputOf<T extends NodeType> = z.input<(typeof configSchemas)[T]>;

export type Catalog = { [T in NodeType]: NodeDeclaration<ConfigOf<T>> };

export const catalog: Catalog = {
  'source.kafka': sourceKafka,
  'spam-filter': spamFilter,
  window,
  filter,
  map,
  branch,
  'sink.kafka': sinkKafka,
  'sink.postgres': sinkPostgres,
};

/** The declaration of a node type when the type is only known at run time. */
export function declarationOf(type: NodeType): NodeDeclaration<unknown> {
  return catalog[type] as NodeDeclaration<unknown>;
}

export { OTHERWISE_PORT } from './branch.ts';
export type { KeyEffect, NodeCategory, NodeDeclaration, PortDeclaration } from './declaration.ts';
export { isNodeType, NODE_TYPES, type NodeType, nodeTypeSchema } from './node-type.ts';
export { DEFAULT_CONNECTION } from './sink-postgres.ts';
