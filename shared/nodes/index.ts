// The node list (registry.ts, one line per type) and what derives from it: the type names, the engine's
// implementations, and compilePipeline with the real nodes. Node folders import specific files, never this one
// or the shared barrel: the list must finish loading before the catalog reads it.
import type { z } from 'zod';
import type { NodeCategory } from '../catalog/declaration.ts';
import { type CompileOptions, type CompileResult, compile } from '../engine/compile.ts';
import type { NodeFactories } from '../engine/node-implementation.ts';
import type { Pipeline } from '../schema/pipeline.ts';
import * as registered from './registry.ts';

type RegisteredNode = (typeof registered)[keyof typeof registered];

/** Every node type there is. */
export type NodeType = RegisteredNode['declaration']['type'];

/** The node module (declaration and implementation) of type T. */
export type NodeModuleOf<T extends NodeType> = Extract<RegisteredNode, { declaration: { type: T } }>;

/** The config schema of node type T, exact (so both the parsed and the written form derive from it). */
export type ConfigSchemaOf<T extends NodeType> = NodeModuleOf<T>['declaration']['configSchema'];

/** The parsed (defaults applied) config of node type T. */
export type ConfigOf<T extends NodeType> = z.output<ConfigSchemaOf<T>>;

const CATEGORY_ORDER: NodeCategory[] = ['source', 'transform', 'stateful', 'sink'];

/** The registered nodes, sources first and sinks last (the palette's order). */
export const NODE_MODULES: readonly RegisteredNode[] = Object.values(registered).sort(
  (a, b) => CATEGORY_ORDER.indexOf(a.declaration.category) - CATEGORY_ORDER.indexOf(b.declaration.category),
);

/** Every node type's implementation, keyed by type. */
export const nodeFactories = Object.fromEntries(
  NODE_MODULES.map((node) => [node.declaration.type, node.implementation]),
) as unknown as NodeFactories;

export function compilePipeline(pipeline: Pipeline, options?: CompileOptions): CompileResult {
  return compile(pipeline, nodeFactories, options);
}
