// Parsing what a client sends against a record schema: one issue per bad field with its JSON pointer, the same
// words for the same problem on every endpoint. The generalisation of the review API's own parser.
import type { z } from 'zod';
import type { FieldSchema, RecordSchema } from './record-schema.ts';
import { fieldValidator, objectValidator } from './record-validator.ts';

export interface FieldIssue {
  path: string;
  message: string;
}

export type ParsedRecord = { ok: true; record: Record<string, unknown> } | { ok: false; issues: FieldIssue[] };

export interface RecordRules {
  /** What one record is called in messages: "must be a JSON object (a review)". */
  name: string;
  /** The field holding the event time, checked against the future limit. */
  eventTimeField?: string;
  /** How far in the future an event time may be (clocks drift a little). */
  maxFutureMs?: number;
}

/** Whole units, as a sentence says them: 300000 → "5 minutes". */
export function spokenDuration(ms: number): string {
  const units: [number, string][] = [
    [86_400_000, 'day'],
    [3_600_000, 'hour'],
    [60_000, 'minute'],
    [1000, 'second'],
  ];
  for (const [size, unit] of units) if (ms >= size && ms % size === 0) return `${ms / size} ${unit}${ms / size === 1 ? '' : 's'}`;
  return `${ms} milliseconds`;
}

function pointerOf(issue: z.core.$ZodIssue): string {
  if (issue.path.length > 0) return `/${issue.path.map(String).join('/')}`;
  return issue.code === 'unrecognized_keys' && issue.keys[0] ? `/${issue.keys[0]}` : '';
}

export const issuesOf = (error: z.ZodError): FieldIssue[] =>
  error.issues.map((issue) => ({ path: pointerOf(issue), message: issue.message }));

function eventTimeOf(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  return typeof value === 'string' ? Date.parse(value) : undefined;
}

/** A parser for records of `schema` as of a clock; build once per schema, call per record. */
export function recordParser(schema: RecordSchema, rules: RecordRules): (input: unknown, now: number) => ParsedRecord {
  const validator = objectValidator(schema);
  return (input, now) => {
    if (typeof input !== 'object' || input === null || Array.isArray(input))
      return { ok: false, issues: [{ path: '', message: `must be a JSON object (a ${rules.name})` }] };
    const parsed = validator.safeParse(input);
    if (!parsed.success) return { ok: false, issues: issuesOf(parsed.error) };
    const { eventTimeField, maxFutureMs } = rules;
    if (eventTimeField !== undefined && maxFutureMs !== undefined) {
      const time = eventTimeOf(parsed.data[eventTimeField]);
      if (time !== undefined && time > now + maxFutureMs)
        return {
          ok: false,
          issues: [{ path: `/${eventTimeField}`, message: `must not be more than ${spokenDuration(maxFutureMs)} in the future` }],
        };
    }
    return { ok: true, record: parsed.data };
  };
}

/** A key as a URL carries it, checked against its field's schema: the string, or the number it spells for a numeric key. */
export function keyParser(
  schema: RecordSchema,
  keyField: string,
): (key: string) => { ok: true; key: string } | { ok: false; issues: FieldIssue[] } {
  const field: FieldSchema = schema.properties[keyField] ?? {};
  const validator = fieldValidator(field);
  const numeric = field.type === 'number' || field.type === 'integer';
  return (key) => {
    const parsed = validator.safeParse(numeric && key.trim() !== '' ? Number(key) : key);
    if (parsed.success) return { ok: true, key };
    return { ok: false, issues: parsed.error.issues.map((issue) => ({ path: `/${keyField}`, message: issue.message })) };
  };
}

/** What a key may look like, in words: "1 to 64 characters and no control characters". */
export function describeKey(field: FieldSchema | undefined): string {
  if (field?.type === 'number' || field?.type === 'integer') return `is ${field.type === 'integer' ? 'a whole number' : 'a number'}`;
  if (field?.type !== 'string') return 'is text';
  const { minLength, maxLength } = field;
  const length =
    minLength !== undefined && maxLength !== undefined
      ? `${minLength} to ${maxLength} characters`
      : maxLength !== undefined
        ? `at most ${maxLength} characters`
        : minLength !== undefined
          ? `at least ${minLength} characters`
          : 'any number of characters';
  return `has ${length} and no control characters`;
}

/** The record's key: its key field's value as text. */
export function keyOf(record: Record<string, unknown>, keyField: string): string {
  const value = record[keyField];
  return typeof value === 'string' ? value : String(value);
}
