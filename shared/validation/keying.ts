// "Does anything upstream set a key?" kept deliberately simple: a source sets a key when it has a keyField,
// a window keys its output by its own keyField, every other node keeps the key of what came in. A node with
// nothing connected counts as keyed: it already has its own issue.
import { declarationOf } from '../catalog/index.ts';
import type { GraphEdge, GraphNode } from './graph-checks.ts';
import type { ValidationIssue } from './issue.ts';

export function keyingIssues(nodes: Map<string, GraphNode>, edges: GraphEdge[]): ValidationIssue[] {
  const keyed = new Map<string, boolean>();
  const isKeyed = (id: string, visiting: Set<string>): boolean => {
    const known = keyed.get(id);
    if (known !== undefined) return known;
    const target = nodes.get(id);
    if (!target || visiting.has(id)) return true; // reported elsewhere (unknown node, cycle); do not pile on
    const effect = declarationOf(target.node.type).keyEffect(target.node.config);
    const inputs = edges.filter(({ edge }) => edge.to.node === id);
    const result =
      effect === 'sets' || (effect === 'keeps' && inputs.every(({ edge }) => isKeyed(edge.from.node, new Set([...visiting, id]))));
    keyed.set(id, result);
    return result;
  };
  const issues: ValidationIssue[] = [];
  for (const { node } of nodes.values()) {
    if (!declarationOf(node.type).requires?.keyField) continue;
    for (const { edge, index } of edges) {
      if (edge.to.node !== node.id || isKeyed(edge.from.node, new Set())) continue;
      issues.push({
        code: 'input-not-keyed',
        path: `/edges/${index}`,
        nodeId: node.id,
        message: `'${node.id}' (${node.type}) needs keyed records, but nothing upstream of '${edge.from.node}' sets a key; set keyField on the source it reads from`,
      });
    }
  }
  return issues;
}
