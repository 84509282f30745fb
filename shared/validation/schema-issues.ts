// zod's issues as validation issues: JSON pointers from the pipeline root and messages a person can act on.
import type { z } from 'zod';
import type { ValidationIssue } from './issue.ts';
import { pointerExists, toPointer } from './json-pointer.ts';

/**
 * Maps zod issues found while parsing `value`, which sits at `prefix` in the document `root`.
 * `nodeId` is attached when the value belongs to a node.
 */
export function schemaIssues(
  issues: readonly z.core.$ZodIssue[],
  root: unknown,
  prefix: readonly PropertyKey[] = [],
  nodeId?: string,
): ValidationIssue[] {
  return issues.flatMap((issue) => mapIssue(issue, root, [...prefix, ...issue.path]).map((mapped) => withNode(mapped, nodeId)));
}

function withNode(issue: ValidationIssue, nodeId: string | undefined): ValidationIssue {
  return nodeId === undefined ? issue : { ...issue, nodeId };
}

function mapIssue(issue: z.core.$ZodIssue, root: unknown, path: PropertyKey[]): ValidationIssue[] {
  const pointer = toPointer(path);
  const field = fieldName(path);
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      code: 'unknown-field',
      path: toPointer([...path, key]),
      message: `unknown field '${key}': remove it or check its spelling`,
    }));
  }
  if (!pointerExists(root, pointer)) {
    return [{ code: 'missing-field', path: pointer, message: `${field} is required${expectation(issue)}` }];
  }
  switch (issue.code) {
    case 'invalid_type':
      return [{ code: 'invalid-type', path: pointer, message: `${field} must be ${article(issue.expected)}` }];
    case 'invalid_union':
      if (discriminatorOptions(issue)) {
        return [{ code: 'invalid-value', path: pointer, message: `${field} must be one of ${listOptions(issue)}` }];
      }
      return [{ code: 'invalid-value', path: pointer, message: `${field}: ${issue.message}` }];
    case 'invalid_value':
      return [{ code: 'invalid-value', path: pointer, message: `${field} must be ${issue.values.map(quote).join(' or ')}` }];
    default:
      return [{ code: 'invalid-value', path: pointer, message: `${field} ${lowerFirst(issue.message)}` }];
  }
}

function fieldName(path: readonly PropertyKey[]): string {
  const last = path.at(-1);
  if (last === undefined) return 'the pipeline';
  return typeof last === 'number' ? `item ${last} of ${String(path.at(-2) ?? 'the list')}` : `'${String(last)}'`;
}

function expectation(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_value') return ` (${issue.values.map(quote).join(' or ')})`;
  if (discriminatorOptions(issue)) return ` (one of ${listOptions(issue)})`;
  if (issue.code === 'invalid_type' && issue.expected !== 'nonoptional') return ` (${article(issue.expected)})`;
  return '';
}

/** The allowed values when a discriminated union found no variant for its discriminator (e.g. a window's type). */
function discriminatorOptions(issue: z.core.$ZodIssue): unknown[] | undefined {
  if (issue.code !== 'invalid_union' || !('discriminator' in issue)) return undefined;
  const options: unknown = 'options' in issue ? issue.options : undefined;
  return Array.isArray(options) ? options : [];
}

function listOptions(issue: z.core.$ZodIssue): string {
  return (discriminatorOptions(issue) ?? []).map(quote).join(', ');
}

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function quote(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : String(value);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
