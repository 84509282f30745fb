// CEL expressions as node code uses them: compiled once when the node is created
// (a bad expression is a config error), evaluated per record (a failure is that
// record's problem: a RecordError sends it to the DLQ with the reason).

import { NodeConfigError } from '../engine/node-implementation.ts';
import { RecordError } from '../engine/record-error.ts';
import { compileExpression } from '../expressions/compile.ts';

export type Evaluate = (fields: Record<string, unknown>) => unknown;

export function compileOrThrow(source: string, path: string): Evaluate {
  const compiled = compileExpression(source);
  if (!compiled.ok) throw new NodeConfigError(`invalid expression '${source}': ${compiled.message}`, path);
  return (fields) => {
    try {
      return compiled.evaluate(fields);
    } catch (error) {
      throw new RecordError('expression-error', `'${source}' failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}

export function compilePredicate(source: string, path: string): (fields: Record<string, unknown>) => boolean {
  const evaluate = compileOrThrow(source, path);
  return (fields) => {
    const result = evaluate(fields);
    if (typeof result !== 'boolean') throw new RecordError('expression-not-boolean', `'${source}' gave ${typeof result}, not a boolean`);
    return result;
  };
}
