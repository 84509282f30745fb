import { z } from 'zod';
import { NODE_MODULES, type NodeType } from '../nodes/index.ts';

export type { NodeType } from '../nodes/index.ts';

/** Every node type there is, from the node list (shared/nodes/registry.ts). */
export const NODE_TYPES: readonly NodeType[] = NODE_MODULES.map((node) => node.declaration.type);

export const nodeTypeSchema = z.enum(NODE_TYPES as [NodeType, ...NodeType[]]).describe('The node type, one of the catalog.');

export function isNodeType(value: unknown): value is NodeType {
  return typeof value === 'string' && (NODE_TYPES as readonly string[]).includes(value);
}
