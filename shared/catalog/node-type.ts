import { z } from 'zod';

/** Every node type there is; the catalog, the runtime's implementations and the palette are keyed on this list. */
export const NODE_TYPES = ['source.kafka', 'spam-filter', 'window', 'filter', 'map', 'branch', 'sink.kafka', 'sink.postgres'] as const;

export const nodeTypeSchema = z.enum(NODE_TYPES).describe('The node type, one of the catalog.');

export type NodeType = (typeof NODE_TYPES)[number];

export function isNodeType(value: unknown): value is NodeType {
  return typeof value === 'string' && (NODE_TYPES as readonly string[]).includes(value);
}
