// Checks inside one node's (already schema-valid) config that a schema cannot express:
// expressions that do not parse, durations that make no sense, names used twice.

import { parseDuration } from '../duration.ts';
import { assertNever } from '../errors.ts';
import { compileExpression } from '../expressions/compile.ts';
import { OTHERWISE_PORT } from '../nodes/branch/declaration.ts';
import type { PipelineNode } from '../schema/pipeline.ts';
import type { ValidationIssue } from './issue.ts';
import { toPointer } from './json-pointer.ts';

type Located = { path: PropertyKey[]; message: string; code: ValidationIssue['code'] };

export function nodeConfigIssues(node: PipelineNode, index: number): ValidationIssue[] {
  return configProblems(node).map((problem) => ({
    code: problem.code,
    path: toPointer(['nodes', index, 'config', ...problem.path]),
    nodeId: node.id,
    message: problem.message,
  }));
}

function configProblems(node: PipelineNode): Located[] {
  switch (node.type) {
    case 'filter':
      return expressionProblems(node.config.expression, ['expression'], true);
    case 'branch':
      return [
        ...node.config.routes.flatMap((route, i) => expressionProblems(route.expression, ['routes', i, 'expression'], true)),
        ...duplicateNames(
          node.config.routes.map((route) => route.port),
          ['routes'],
          'port',
          'output port',
          [OTHERWISE_PORT],
        ),
      ];
    case 'map':
      return Object.entries(node.config.compute ?? {}).flatMap(([field, source]) => expressionProblems(source, ['compute', field], false));
    case 'window':
      return [
        ...node.config.windows.flatMap((window, i) => windowDurationProblems(window, ['windows', i])),
        ...durationProblems(node.config.allowedLateness, ['allowedLateness'], false),
        ...duplicateNames(
          node.config.windows.map((window) => window.name),
          ['windows'],
          'name',
          'window name',
        ),
        ...duplicateNames(
          node.config.aggregates.map((aggregate) => aggregate.name),
          ['aggregates'],
          'name',
          'aggregate name',
        ),
      ];
    case 'spam-filter':
      return durationProblems(node.config.rules.velocity.within, ['rules', 'velocity', 'within'], true);
    case 'source.kafka':
    case 'sink.kafka':
    case 'sink.postgres':
      return [];
    default:
      return assertNever(node);
  }
}

function expressionProblems(source: string, path: PropertyKey[], mustBeBoolean: boolean): Located[] {
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

type WindowLike =
  | { type: 'all-time' }
  | { type: 'tumbling' | 'sliding'; size: string }
  | { type: 'hopping'; size: string; advance: string };

function windowDurationProblems(window: WindowLike, path: PropertyKey[]): Located[] {
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

function durationProblems(text: string, path: PropertyKey[], mustBePositive: boolean): Located[] {
  const ms = parseDuration(text);
  if (ms === undefined)
    return [{ code: 'bad-duration', path, message: `'${text}' is too long a duration; use a larger unit or a smaller number` }];
  if (mustBePositive && ms === 0)
    return [{ code: 'bad-duration', path, message: `'${text}' is zero; this duration must be longer than 0` }];
  return [];
}

function duplicateNames(names: string[], path: PropertyKey[], field: string, what: string, reserved: string[] = []): Located[] {
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
