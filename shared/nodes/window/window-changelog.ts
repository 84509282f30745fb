// The operator's state as changelog entries. Only two kinds are written, because
// everything else is derived: a key's all-time and sliding figures are a function
// of its current rows and the clock, and an open bucketed instance holds exactly
// the current rows in its range (a row is refused only by instances that are
// already closed, and closed instances never reopen). So a record costs one
// small entry per change, never a rewrite of its key's whole window.
import type { AccumulatorSnapshot } from './accumulator.ts';
import type { TrackedValue } from './tracked-fields.ts';

export type WindowChangelogEntry =
  /** The current version of a record (null: deleted or settled). Stored under `row:<id>`. */
  | { kind: 'row'; id: string; row: { key: string; t: number; values: TrackedValue[]; appendOnly?: true } | null }
  /** What a key's settled append-only rows contribute to all-time. Stored under `settled:<key>`. */
  | { kind: 'settled'; key: string; totals: AccumulatorSnapshot }
  /** The operator clock and the next synthetic id. Stored under `clock`. */
  | { kind: 'clock'; now: number; sequence: number };

/** The store key an entry compacts under: a later entry with the same key replaces it. */
export function changelogKey(entry: WindowChangelogEntry): string {
  if (entry.kind === 'row') return `row:${entry.id}`;
  return entry.kind === 'settled' ? `settled:${entry.key}` : 'clock';
}

/** Checks an entry read back from a changelog; errors as data, the engine decides what to do. */
export function parseChangelogEntry(input: unknown): { ok: true; entry: WindowChangelogEntry } | { ok: false; message: string } {
  if (!isObject(input)) return { ok: false, message: 'not an object' };
  if (input.kind === 'clock' && typeof input.now === 'number' && typeof input.sequence === 'number') {
    return { ok: true, entry: { kind: 'clock', now: input.now, sequence: input.sequence } };
  }
  if (input.kind === 'settled' && typeof input.key === 'string') {
    const totals = parseSnapshot(input.totals);
    return totals
      ? { ok: true, entry: { kind: 'settled', key: input.key, totals } }
      : { ok: false, message: `settled ${input.key}: malformed` };
  }
  if (input.kind !== 'row' || typeof input.id !== 'string') return { ok: false, message: 'unknown entry kind' };
  if (input.row === null) return { ok: true, entry: { kind: 'row', id: input.id, row: null } };
  const row = input.row;
  if (!isObject(row) || typeof row.key !== 'string' || typeof row.t !== 'number' || !Array.isArray(row.values)) {
    return { ok: false, message: `row ${input.id}: malformed` };
  }
  const values: TrackedValue[] = [];
  for (const value of row.values) {
    if (value !== null && typeof value !== 'number') return { ok: false, message: `row ${input.id}: a value is not a number` };
    values.push(value);
  }
  const parsed = { key: row.key, t: row.t, values };
  return { ok: true, entry: { kind: 'row', id: input.id, row: row.appendOnly === true ? { ...parsed, appendOnly: true } : parsed } };
}

function parseSnapshot(input: unknown): AccumulatorSnapshot | undefined {
  if (!isObject(input) || typeof input.count !== 'number' || !Array.isArray(input.fields)) return undefined;
  const fields: AccumulatorSnapshot['fields'] = [];
  for (const field of input.fields) {
    if (!isObject(field) || typeof field.present !== 'number') return undefined;
    const sum = numberPair(field.sum);
    if (!sum) return undefined;
    if (field.values === undefined) {
      fields.push({ present: field.present, sum });
      continue;
    }
    if (!Array.isArray(field.values)) return undefined;
    const values: [number, number][] = [];
    for (const pair of field.values) {
      const parsed = numberPair(pair);
      if (!parsed) return undefined;
      values.push(parsed);
    }
    fields.push({ present: field.present, sum, values });
  }
  return { count: input.count, fields };
}

function numberPair(input: unknown): [number, number] | undefined {
  if (!Array.isArray(input) || input.length !== 2) return undefined;
  const [a, b] = input;
  return typeof a === 'number' && typeof b === 'number' ? [a, b] : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
