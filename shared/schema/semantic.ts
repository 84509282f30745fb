// "Does this change what runs?" The runtime redeploys only when the answer is yes; moving a box is a no.
import type { Pipeline } from './pipeline.ts';

/**
 * The part of a pipeline that decides what runs: no layout, no $schema, and nodes and edges in a canonical order
 * (the order they are listed in never matters).
 */
export function semanticPipeline(pipeline: Pipeline): Omit<Pipeline, 'layout' | '$schema'> {
  const { layout: _layout, $schema: _schema, ...semantic } = pipeline;
  return {
    ...semantic,
    nodes: [...semantic.nodes].sort((a, b) => compare(a.id, b.id)),
    edges: [...semantic.edges].sort((a, b) => compare(edgeKey(a), edgeKey(b))),
  };
}

function edgeKey(edge: Pipeline['edges'][number]): string {
  return JSON.stringify([edge.from.node, edge.from.port, edge.to.node, edge.to.port]);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** True when a and b run the same way: equal apart from layout and $schema (object key order ignored). */
export function pipelinesEquivalent(a: Pipeline, b: Pipeline): boolean {
  return deepEqual(semanticPipeline(a), semanticPipeline(b));
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  }
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keysA = Object.keys(a).filter((key) => a[key] !== undefined);
  const keysB = Object.keys(b).filter((key) => b[key] !== undefined);
  return keysA.length === keysB.length && keysA.every((key) => Object.hasOwn(b, key) && deepEqual(a[key], b[key]));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
