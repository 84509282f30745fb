// The node catalog: each node type's declaration, derived from the node list (shared/nodes/registry.ts).
import type { z } from 'zod';
import { type ConfigOf, type ConfigSchemaOf, NODE_MODULES, type NodeType } from '../nodes/index.ts';
import type { NodeDeclaration } from './declaration.ts';

/** Each node type's config schema; `ConfigOf` derives from it. */
export const configSchemas = Object.fromEntries(NODE_MODULES.map((node) => [node.declaration.type, node.declaration.configSchema])) as {
  [T in NodeType]: ConfigSchemaOf<T>;
};

/** The config of node type T as written in a pipeline file (fields with defaults may be left out). */
export type ConfigInputOf<T extends NodeType> = z.input<ConfigSchemaOf<T>>;

export type Catalog = { [T in NodeType]: NodeDeclaration<ConfigOf<T>, T> };

export const catalog = Object.fromEntries(NODE_MODULES.map((node) => [node.declaration.type, node.declaration])) as unknown as Catalog;

/** The declaration of a node type when the type is only known at run time. */
export function declarationOf(type: NodeType): NodeDeclaration<unknown> {
  return catalog[type] as NodeDeclaration<unknown>;
}

export { OTHERWISE_PORT } from '../nodes/branch/declaration.ts';
export type { ConfigOf } from '../nodes/index.ts';
export { DEFAULT_CONNECTION } from '../nodes/sink-postgres/declaration.ts';
export type { KeyEffect, NodeCategory, NodeDeclaration, PortDeclaration } from './declaration.ts';
export { isNodeType, NODE_TYPES, type NodeType, nodeTypeSchema } from './node-type.ts';
