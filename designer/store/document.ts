// The designer's working copy of a pipeline. It is looser than `Pipeline` on purpose: while someone edits, a config
// may be half filled in; the validator (not the type system) says what is wrong with it.
import { type Edge, isNodeType, type NodeType } from '../../shared/index.ts';

export type DraftNode = { id: string; type: NodeType; config: Record<string, unknown> };
export type Position = { x: number; y: number };

export type DesignDocument = {
  $schema?: string;
  format: 1;
  id: string;
  name: string;
  description?: string;
  nodes: DraftNode[];
  edges: Edge[];
  layout?: { nodes: Record<string, Position> };
};

export function emptyDocument(id = 'untitled', name = 'Untitled pipeline'): DesignDocument {
  return { format: 1, id, name, nodes: [], edges: [], layout: { nodes: {} } };
}

/**
 * Reads text or parsed JSON as a design document when it has the shape the canvas can draw (nodes with ids and known
 * types, edges with endpoints); config contents are left to the validator. Undefined otherwise.
 */
export function asDesignDocument(value: unknown): DesignDocument | undefined {
  if (!isRecord(value) || value.format !== 1 || typeof value.id !== 'string' || typeof value.name !== 'string') return undefined;
  if (!Array.isArray(value.nodes) || !Array.isArray(value.edges)) return undefined;
  if (!value.nodes.every(isDraftNode) || !value.edges.every(isEdge)) return undefined;
  if (value.layout !== undefined && !isLayout(value.layout)) return undefined;
  return value as DesignDocument;
}

function isDraftNode(value: unknown): value is DraftNode {
  return isRecord(value) && typeof value.id === 'string' && isNodeType(value.type) && isRecord(value.config);
}

function isEdge(value: unknown): value is Edge {
  return isRecord(value) && isEndpoint(value.from) && isEndpoint(value.to);
}

function isEndpoint(value: unknown): boolean {
  return isRecord(value) && typeof value.node === 'string' && typeof value.port === 'string';
}

function isLayout(value: unknown): boolean {
  return isRecord(value) && isRecord(value.nodes);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
