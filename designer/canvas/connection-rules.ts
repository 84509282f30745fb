// Which connections may be drawn, with a reason a person can act on: the shared validator's graph rules, run on the
// drawing with the would-be edge (shared/validation/connection.ts). The canvas asks while an edge is dragged over a
// handle and again when it is dropped.
import { connectionIssues, type Edge, type ValidationIssue } from '../../shared/index.ts';
import type { DesignDocument } from '../store/document.ts';
import { inputPorts, outputPorts } from '../store/ports.ts';

export type ConnectionVerdict = { ok: true; edge: Edge } | { ok: false; issues: ValidationIssue[]; reason: string };

export type ConnectionAttempt = { source: string; sourceHandle?: string | null; target: string; targetHandle?: string | null };

export function checkConnection(doc: DesignDocument, attempt: ConnectionAttempt): ConnectionVerdict {
  const from = doc.nodes.find((node) => node.id === attempt.source);
  const to = doc.nodes.find((node) => node.id === attempt.target);
  // A handle without an id is a node's only port; React Flow leaves it null.
  const fromPort = attempt.sourceHandle ?? (from && outputPorts(from)[0]?.name) ?? 'out';
  const toPort = attempt.targetHandle ?? (to && inputPorts(to)[0]?.name) ?? 'in';
  const edge: Edge = { from: { node: attempt.source, port: fromPort }, to: { node: attempt.target, port: toPort } };
  const issues = connectionIssues(doc, edge);
  if (issues.length === 0) return { ok: true, edge };
  return { ok: false, issues, reason: `Cannot connect: ${issues.map((issue) => issue.message).join('; ')}.` };
}
