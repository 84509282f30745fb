// CEL expressions in pipelines (filter conditions, branch routes, map's computed fields), through
// @marcbachmann/cel-js: a real parser and evaluator, never eval or Function on user text.
import { celEnvironment } from './environment.ts';

export type CompiledExpression = {
  ok: true;
  /** The CEL type the checker infers: 'bool', 'string', 'dyn' (unknown until a record arrives), ... */
  type: string;
  /** Evaluates against one record value; throws when the record does not fit (e.g. a missing field). */
  evaluate(record: Record<string, unknown>): unknown;
};

export type ExpressionError = { ok: false; message: string /** Character offset in the source. */; position?: number };

/**
 * Compiles a CEL expression. A record's fields are top-level variables and also reachable as `record`
 * (`rating >= 3` or `record.rating >= 3`; `record["created-at"]` for names that are not identifiers).
 * A field named `record` is therefore only reachable as `record.record`.
 */
export function compileExpression(source: string): CompiledExpression | ExpressionError {
  let run: (context: Record<string, unknown>) => unknown;
  try {
    run = celEnvironment.parse(source);
  } catch (error) {
    return errorOf(error);
  }
  const checked = celEnvironment.check(source);
  if (!checked.valid) return errorOf(checked.error);
  return {
    ok: true,
    type: checked.type ?? 'dyn',
    evaluate: (record) => toPlainValue(run({ ...record, record })),
  };
}

function errorOf(error: unknown): ExpressionError {
  if (!(error instanceof Error)) return { ok: false, message: String(error) };
  const details = error as Error & { summary?: unknown; range?: { start?: unknown } };
  const summary = typeof details.summary === 'string' ? details.summary : (error.message.split('\n')[0] ?? error.message);
  const position = typeof details.range?.start === 'number' ? details.range.start : undefined;
  return position === undefined ? { ok: false, message: summary } : { ok: false, message: summary, position };
}

/** CEL ints are BigInt, which JSON cannot hold: numbers when exact, text otherwise. */
function toPlainValue(value: unknown): unknown {
  if (typeof value === 'bigint') {
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(value) : value.toString();
  }
  if (Array.isArray(value)) return value.map(toPlainValue);
  if (value instanceof Map) return Object.fromEntries([...value].map(([key, item]) => [String(key), toPlainValue(item)]));
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toPlainValue(item)]));
  return value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
