// Which connections the catalog allows, checked the moment someone drops an edge, with a reason a person can act on.
import type { Edge } from '../../shared/index.ts';
import type { DesignDocument } from '../store/document.ts';
import { edgeKey } from '../store/edits.ts';
import { inputPorts, outputPorts } from '../store/ports.ts';

export type ConnectionRefusal = 'unknown-node' | 'into-source' | 'out-of-sink' | 'unknown-port' | 'duplicate-edge' | 'cycle';
export type ConnectionVerdict = { ok: true; edge: Edge } | { ok: false; refusal: ConnectionRefusal; reason: string };

export type ConnectionAttempt = { source: string; sourceHandle?: string | null; target: string; targetHandle?: string | null };

export function checkConnection(doc: DesignDocument, attempt: ConnectionAttempt): ConnectionVerdict {
  const from = doc.nodes.find((node) => node.id === attempt.source);
  const to = doc.nodes.find((node) => node.id === attempt.target);
  if (!from || !to) return refuse('unknown-node', `there is no node '${!from ? attempt.source : attempt.target}'`);
  const outputs = outputPorts(from);
  const inputs = inputPorts(to);
  if (inputs.length === 0) return refuse('into-source', `${to.id} is a source: nothing can flow into it`);
  if (outputs.length === 0) return refuse('out-of-sink', `${from.id} is a sink: nothing flows out of it`);
  const fromPort = attempt.sourceHandle ?? outputs[0]?.name ?? '';
  const toPort = attempt.targetHandle ?? inputs[0]?.name ?? '';
  if (!outputs.some((port) => port.name === fromPort)) return refuse('unknown-port', `${from.id} has no output port '${fromPort}'`);
  if (!inputs.some((port) => port.name === toPort)) return refuse('unknown-port', `${to.id} has no input port '${toPort}'`);
  const edge: Edge = { from: { node: from.id, port: fromPort }, to: { node: to.id, port: toPort } };
  if (doc.edges.some((existing) => edgeKey(existing) === edgeKey(edge)))
    return refuse('duplicate-edge', 'these ports are already connected');
  if (reaches(doc, to.id, from.id)) return refuse('cycle', `records from ${to.id} already reach ${from.id}; this edge would make a loop`);
  return { ok: true, edge };
}

/** Whether records leaving `start` can arrive at `goal` (a node always reaches itself). */
function reaches(doc: DesignDocument, start: string, goal: string): boolean {
  const seen = new Set<string>();
  const pending = [start];
  while (pending.length > 0) {
    const current = pending.pop() as string;
    if (current === goal) return true;
    if (seen.has(current)) continue;
    seen.add(current);
    for (const edge of doc.edges) if (edge.from.node === current) pending.push(edge.to.node);
  }
  return false;
}

function refuse(refusal: ConnectionRefusal, reason: string): ConnectionVerdict {
  return { ok: false, refusal, reason: `Cannot connect: ${reason}.` };
}
