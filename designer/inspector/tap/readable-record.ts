// A tapped record as a person reads it: its fields as rows, a spam record's reasons as a list of rules with their
// details (spamReasons is a list of {rule, detail, …}; whatever else a reason carries is shown beside it).
import type { TappedRecord } from '../../api/types.ts';

export type FieldRow = { name: string; value: string };
export type ReadableReason = { rule: string; detail: string; more: FieldRow[] };
export type ReadableRecord = {
  key: string | null;
  /** The record's timestamp, ISO-8601. */
  at: string;
  fields: FieldRow[];
  reasons: ReadableReason[];
  /** The tap kept only the start of a large value. */
  truncated: boolean;
};

const REASONS_FIELD = 'spamReasons';

export function readableRecord(record: TappedRecord): ReadableRecord {
  const at = Number.isFinite(record.timestamp) ? new Date(record.timestamp).toISOString() : String(record.timestamp);
  const value = record.value;
  if (!isRecord(value)) return { key: record.key, at, fields: [{ name: 'value', value: shown(value) }], reasons: [], truncated: false };
  const truncated = Object.keys(value).length === 1 && typeof value.truncated === 'string';
  const fields = Object.entries(value)
    .filter(([name]) => name !== REASONS_FIELD || !Array.isArray(value[REASONS_FIELD]))
    .map(([name, field]) => ({ name, value: shown(field) }));
  const reasons = Array.isArray(value[REASONS_FIELD]) ? value[REASONS_FIELD].map(readableReason) : [];
  return { key: record.key, at, fields, reasons, truncated };
}

function readableReason(reason: unknown): ReadableReason {
  if (!isRecord(reason)) return { rule: 'reason', detail: shown(reason), more: [] };
  const { rule, detail, ...rest } = reason;
  return {
    rule: typeof rule === 'string' ? rule : shown(rule),
    detail: typeof detail === 'string' ? detail : detail === undefined ? '' : shown(detail),
    more: Object.entries(rest).map(([name, value]) => ({ name, value: shown(value) })),
  };
}

/** Strings as they are, everything else as compact JSON. */
function shown(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  return JSON.stringify(value) ?? String(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An identity for a tapped record, so "clear" can hide exactly the records shown when it was pressed. */
export function recordIdentity(record: TappedRecord): string {
  return `${record.timestamp}\u0000${record.key}\u0000${JSON.stringify(record.value)}`;
}
