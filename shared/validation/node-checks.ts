// Each node's own config checks (its declaration's configIssues), located in the pipeline document.
import { declarationOf } from '../catalog/index.ts';
import type { PipelineNode } from '../schema/pipeline.ts';
import type { ValidationIssue } from './issue.ts';
import { toPointer } from './json-pointer.ts';

export function nodeConfigIssues(node: PipelineNode, index: number): ValidationIssue[] {
  const problems = declarationOf(node.type).configIssues?.(node.config) ?? [];
  return problems.map((problem) => ({
    code: problem.code,
    path: toPointer(['nodes', index, 'config', ...problem.path]),
    nodeId: node.id,
    message: problem.message,
  }));
}
