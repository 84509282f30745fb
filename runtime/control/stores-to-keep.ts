// Which stateful nodes keep their state when a new version replaces a running one: the supervisor acts on it, and
// the dry-run deploy (deploy-plan.ts) reports it, so what the plan says is what the deploy does.
import { catalog, type Pipeline } from '../../shared/index.ts';

/** Stateful nodes whose id, type and config are unchanged keep their state; the others start empty. */
export function storesToKeep(previous: Pipeline | undefined, next: Pipeline): { kept: string[]; reset: string[] } {
  const kept: string[] = [];
  const reset: string[] = [];
  for (const node of next.nodes) {
    if (!catalog[node.type].stateful) continue;
    const before = previous?.nodes.find((candidate) => candidate.id === node.id);
    const same = before !== undefined && before.type === node.type && JSON.stringify(before.config) === JSON.stringify(node.config);
    (same ? kept : reset).push(node.id);
  }
  return { kept, reset };
}
