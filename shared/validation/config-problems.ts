// Checks inside one node's config that a schema cannot express (expressions that do not parse, durations that make
// no sense, names used twice): the small helpers node declarations use in their `configIssues`.
import { parseDuration } from '../duration.ts';
import { assertNever } from '../errors.ts';
import { compileExpression } from '../expressions/compile.ts';
import type { IssueCode } from './issue.ts';

/** A problem inside one node's config, at a path inside it. */
export type ConfigProblem = { path: PropertyKey[]; message: string; code: IssueCode };
type Located = ConfigProblem;

export function expressionProblems(source: string, path: PropertyKey[], mustBeBoolean: boolean): Located[] {
  const compiled = compileExpression(source);
  if (!compiled.ok) {
    const where = compiled.position === undefined ? '' : ` at character ${compiled.position}`;
    return [{ code: 'bad-expression', path, message: `the expression '${source}' is not valid CEL${where}: ${compiled.message}` }];
  }
  if (mustBeBoolean && compiled.type !== 'bool' && compiled.type !== 'dyn') {
    return [
      {
        code: 'expression-not-boolean',
        path,
        message: `the condition '${source}' gives ${compiled.type}, not true or false; compare something, e.g. rating >= 3`,
      },
    ];
  }
  return [];
}

export type WindowLike =
  | { type: 'all-time' }
  | { type: 'tumbling' | 'sliding'; size: string }
  | { type: 'hopping'; size: string; advance: string };

export function windowDurationProblems(window: WindowLike, path: PropertyKey[]): Located[] {
  switch (window.type) {
    case 'all-time':
      return [];
    case 'tumbling':
    case 'sliding':
      return durationProblems(window.size, [...path, 'size'], true);
    case 'hopping': {
      const problems = [
        ...durationProblems(window.size, [...path, 'size'], true),
        ...durationProblems(window.advance, [...path, 'advance'], true),
      ];
      const size = parseDuration(window.size);
      const advance = parseDuration(window.advance);
      if (problems.length === 0 && size !== undefined && advance !== undefined && advance > size) {
        problems.push({
          code: 'bad-duration',
          path: [...path, 'advance'],
          message: `advance (${window.advance}) is longer than size (${window.size}), which would leave gaps; use a tumbling window or a smaller advance`,
        });
      }
      return problems;
    }
    default:
      return assertNever(window);
  }
}

export function durationProblems(text: string, path: PropertyKey[], mustBePositive: boolean): Located[] {
  const ms = parseDuration(text);
  if (ms === undefined)
    return [{ code: 'bad-duration', path, message: `'${text}' is too long a duration; use a larger unit or a smaller number` }];
  if (mustBePositive && ms === 0)
    return [{ code: 'bad-duration', path, message: `'${text}' is zero; this duration must be longer than 0` }];
  return [];
}

export function duplicateNames(names: string[], path: PropertyKey[], field: string, what: string, reserved: string[] = []): Located[] {
  const seen = new Set<string>(reserved);
  const problems: Located[] = [];
  names.forEach((name, i) => {
    if (seen.has(name)) {
      const reason = reserved.includes(name) ? `'${name}' is reserved` : `'${name}' is used twice`;
      problems.push({ code: 'duplicate-name', path: [...path, i, field], message: `${reason}; give each ${what} a different name` });
    }
    seen.add(name);
  });
  return problems;
}
