// What changed between two versions of a pipeline, node by node: the deploy plan (runtime) and the version history
// (designer) both say it this way. Layout is not part of it: moving a box changes nothing that runs.
import type { NodeType } from '../catalog/node-type.ts';
import type { Edge } from './pipeline.ts';

/** The part of a pipeline a diff reads; drafts and parsed pipelines both have it. */
export type DiffablePipeline = {
  name: string;
  description?: string | undefined;
  nodes: ReadonlyArray<{ id: string; type: NodeType; config: unknown }>;
  edges: readonly Edge[];
};

/** One value that differs, by JSON pointer inside what is compared ('' is the whole value). */
export type ValueChange = { path: string; before: unknown; after: unknown };
export type NodeRef = { id: string; type: NodeType };
export type ChangedNode = NodeRef & { typeBefore?: NodeType; config: ValueChange[] };

export type PipelineDiff = {
  /** The pipeline's own fields (name, description). */
  fields: ValueChange[];
  nodes: { added: NodeRef[]; removed: NodeRef[]; changed: ChangedNode[]; unchanged: string[] };
  edges: { added: Edge[]; removed: Edge[] };
};

export function diffPipelines(before: DiffablePipeline | undefined, after: DiffablePipeline): PipelineDiff {
  const old = new Map((before?.nodes ?? []).map((node) => [node.id, node]));
  const now = new Map(after.nodes.map((node) => [node.id, node]));
  const diff: PipelineDiff = {
    // A first version has no fields to compare with: its nodes and edges say what it is.
    fields: before
      ? [...valueChanges(before.name, after.name, '/name'), ...valueChanges(before.description, after.description, '/description')]
      : [],
    nodes: { added: [], removed: [], changed: [], unchanged: [] },
    edges: { added: [], removed: [] },
  };
  for (const node of after.nodes) {
    const previous = old.get(node.id);
    if (!previous) diff.nodes.added.push({ id: node.id, type: node.type });
    else if (previous.type !== node.type)
      diff.nodes.changed.push({
        id: node.id,
        type: node.type,
        typeBefore: previous.type,
        config: [{ path: '', before: previous.config, after: node.config }],
      });
    else {
      const config = valueChanges(previous.config, node.config);
      if (config.length > 0) diff.nodes.changed.push({ id: node.id, type: node.type, config });
      else diff.nodes.unchanged.push(node.id);
    }
  }
  for (const node of before?.nodes ?? []) if (!now.has(node.id)) diff.nodes.removed.push({ id: node.id, type: node.type });
  const key = (edge: Edge) => `${edge.from.node}\u0000${edge.from.port}\u0000${edge.to.node}\u0000${edge.to.port}`;
  const oldEdges = new Set((before?.edges ?? []).map(key));
  const newEdges = new Set(after.edges.map(key));
  diff.edges.added = after.edges.filter((edge) => !oldEdges.has(key(edge)));
  diff.edges.removed = (before?.edges ?? []).filter((edge) => !newEdges.has(key(edge)));
  return diff;
}

/** Whether a diff says anything at all. */
export function diffIsEmpty(diff: PipelineDiff): boolean {
  const { fields, nodes, edges } = diff;
  return fields.length + nodes.added.length + nodes.removed.length + nodes.changed.length + edges.added.length + edges.removed.length === 0;
}

/** The leaves that differ between two JSON values; objects are compared key by key, arrays item by item. */
export function valueChanges(before: unknown, after: unknown, path = ''): ValueChange[] {
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) => valueChanges(before[key], after[key], `${path}/${escapePointer(key)}`));
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    return before.flatMap((item, index) => valueChanges(item, after[index], `${path}/${index}`));
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ path, before, after }];
}

function escapePointer(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
