// validatePipeline: the one check a pipeline passes before it is saved, previewed or deployed.
import { configSchemas, isNodeType, NODE_TYPES } from '../catalog/index.ts';
import { type Pipeline, pipelineEnvelopeSchema, pipelineSchema } from '../schema/pipeline.ts';
import { graphIssues } from './graph-checks.ts';
import type { ValidationIssue } from './issue.ts';
import { parentPointer, pointerExists } from './json-pointer.ts';
import { nodeConfigIssues } from './node-checks.ts';
import { schemaIssues } from './schema-issues.ts';

export type ValidationResult = { ok: true; pipeline: Pipeline; issues: [] } | { ok: false; issues: ValidationIssue[] };

/**
 * Schema first (the document, then each node's config with its own type's schema), then, when the shape is right,
 * the graph and what is inside configs (expressions, durations). Returns the pipeline with defaults applied when ok.
 */
export function validatePipeline(input: unknown): ValidationResult {
  const shapeIssues = documentIssues(input);
  if (shapeIssues.length > 0) return { ok: false, issues: shapeIssues };
  const parsed = pipelineSchema.safeParse(input);
  // The envelope and every config passed, so this cannot fail; if it ever does, say so rather than crash.
  if (!parsed.success) return { ok: false, issues: schemaIssues(parsed.error.issues, input) };
  const pipeline = parsed.data;
  const issues = [...pipeline.nodes.flatMap((node, index) => nodeConfigIssues(node, index)), ...graphIssues(pipeline)].map((issue) =>
    // A field left to its default is named in the message; the pointer goes to the nearest part of the input there is.
    pointerExists(input, issue.path) ? issue : { ...issue, path: nearestExisting(input, issue.path) },
  );
  return issues.length > 0 ? { ok: false, issues } : { ok: true, pipeline, issues: [] };
}

function documentIssues(input: unknown): ValidationIssue[] {
  const envelope = pipelineEnvelopeSchema.safeParse(input);
  const issues = envelope.success ? [] : schemaIssues(envelope.error.issues, input);
  // Check each node that is at least an object with a type, even when the rest of the document has problems.
  const nodes = isRecord(input) && Array.isArray(input.nodes) ? input.nodes : [];
  nodes.forEach((node: unknown, index) => {
    if (!isRecord(node) || typeof node.type !== 'string') return;
    const nodeId = typeof node.id === 'string' ? node.id : undefined;
    if (!isNodeType(node.type)) {
      issues.push({
        code: 'unknown-node-type',
        path: `/nodes/${index}/type`,
        ...(nodeId === undefined ? {} : { nodeId }),
        message: `unknown node type '${node.type}'; use one of ${NODE_TYPES.join(', ')}`,
      });
      return;
    }
    if (node.config === undefined) {
      issues.push({
        code: 'missing-field',
        path: `/nodes/${index}/config`,
        ...(nodeId === undefined ? {} : { nodeId }),
        message: `'config' is required (an object; {} takes every default of ${node.type})`,
      });
      return;
    }
    const config = configSchemas[node.type].safeParse(node.config);
    if (!config.success) issues.push(...schemaIssues(config.error.issues, input, ['nodes', index, 'config'], nodeId));
  });
  return issues;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nearestExisting(document: unknown, pointer: string): string {
  let current = pointer;
  while (current !== '' && !pointerExists(document, current)) current = parentPointer(current);
  return current;
}
