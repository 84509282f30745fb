// May one more edge join a pipeline that is still being drawn? The validator's own graph rules answer (graph-checks,
// keying), run on the drawing with and without the edge: whatever the edge would newly break is why it is refused.
// Configs may be half filled in while someone draws, so each is read as its schema parses it when it does, as typed
// when it does not: the graph rules only look at ports and keys.
import { configSchemas, declarationOf, isNodeType } from '../catalog/index.ts';
import type { Edge, PipelineNode } from '../schema/pipeline.ts';
import { graphIssues } from './graph-checks.ts';
import type { IssueCode, ValidationIssue } from './issue.ts';

export type DraftGraph = { nodes: ReadonlyArray<{ id: string; type: string; config: unknown }>; edges: readonly Edge[] };

/** Issues that say a drawing is not finished (something still to connect), never that an edge is wrong. */
const UNFINISHED: ReadonlySet<IssueCode> = new Set<IssueCode>(['input-unconnected', 'unreachable-node', 'no-source']);

/**
 * What adding `edge` to `graph` would break, in the validator's words; [] when the edge may be drawn. A node still as
 * the palette dropped it (its starter config) may be connected to records it does not fit yet: its fields are
 * placeholders, to be picked from what the new edge brings.
 */
export function connectionIssues(graph: DraftGraph, edge: Edge): ValidationIssue[] {
  const nodes = readableNodes(graph);
  const known = new Set(graphIssues({ nodes, edges: [...graph.edges] }).map(identity));
  const fresh = new Set(nodes.filter(isAsDropped).map((node) => node.id));
  return graphIssues({ nodes, edges: [...graph.edges, edge] }).filter(
    (issue) =>
      !UNFINISHED.has(issue.code) &&
      !known.has(identity(issue)) &&
      !(issue.code === 'schema-mismatch' && issue.nodeId !== undefined && fresh.has(issue.nodeId)),
  );
}

function isAsDropped(node: PipelineNode): boolean {
  const { starter } = declarationOf(node.type);
  const parsed = configSchemas[node.type].safeParse(starter);
  return JSON.stringify(parsed.success ? parsed.data : starter) === JSON.stringify(node.config);
}

/** A drawing's nodes as the graph rules read them: configs parsed where they parse, as typed where they do not. */
export function readableNodes(graph: Pick<DraftGraph, 'nodes'>): PipelineNode[] {
  return graph.nodes.flatMap((node) => {
    if (!isNodeType(node.type)) return [];
    const parsed = configSchemas[node.type].safeParse(node.config);
    const config = parsed.success ? parsed.data : isRecord(node.config) ? node.config : {};
    // A config that does not parse yet is still read for its ports and key; graph-checks tolerates what it lacks.
    return [{ id: node.id, type: node.type, config } as PipelineNode];
  });
}

function identity(issue: ValidationIssue): string {
  return `${issue.code}\u0000${issue.path}\u0000${issue.message}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
