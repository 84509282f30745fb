// Validator issues as Monaco markers: each issue's JSON pointer mapped to the text it names.
import type { ValidationIssue } from '../../shared/index.ts';
import { offsetToLineColumn, pointerToSpan } from './json-locations.ts';

export type MarkerRange = { startLineNumber: number; startColumn: number; endLineNumber: number; endColumn: number };

export function issueRanges(text: string, issues: readonly ValidationIssue[]): Array<MarkerRange & { message: string; code: string }> {
  return issues.map((issue) => {
    const span = pointerToSpan(text, issue.path) ?? { start: 0, end: 1 };
    const start = offsetToLineColumn(text, span.start);
    const end = offsetToLineColumn(text, span.end);
    return {
      startLineNumber: start.line,
      startColumn: start.column,
      endLineNumber: end.line,
      endColumn: end.column,
      message: issue.message,
      code: issue.code,
    };
  });
}
