// What the operator consumes: an upsert (a new record or a new version of one)
// or the delete of an id. `toWindowInput` turns an engine record into one.
export type WindowInput =
  /** Without an id, the record is append-only: it gets a synthetic id and can never be edited. */
  { kind: 'upsert'; id?: string; key: string; eventTime: number; value: Record<string, unknown> } | { kind: 'delete'; id: string };

export interface InputFields {
  keyField: string;
  eventTimeField: string;
  idField?: string;
}

/** The engine record fields the window reads. */
export interface KeyedRecord {
  key: string | null;
  value: Record<string, unknown> | null;
}

export type InputResult = { ok: true; input: WindowInput } | { ok: false; reason: string };

/**
 * A tombstone deletes the id in the record key (topics of records keyed by id);
 * a value needs a key field (string or number) and an event time as ms or an ISO-8601 string.
 */
export function toWindowInput(record: KeyedRecord, fields: InputFields): InputResult {
  if (record.value === null) {
    if (fields.idField === undefined) return { ok: false, reason: 'a tombstone needs idField: append-only windows cannot delete' };
    return record.key === null
      ? { ok: false, reason: 'a tombstone without a key' }
      : { ok: true, input: { kind: 'delete', id: record.key } };
  }
  const value = record.value;
  const key = value[fields.keyField];
  if (typeof key !== 'string' && typeof key !== 'number') return { ok: false, reason: `${fields.keyField} is missing` };
  const eventTime = parseEventTime(value[fields.eventTimeField]);
  if (eventTime === undefined) return { ok: false, reason: `${fields.eventTimeField} is not a time` };
  if (fields.idField === undefined) return { ok: true, input: { kind: 'upsert', key: String(key), eventTime, value } };
  const id = value[fields.idField];
  if (typeof id !== 'string' && typeof id !== 'number') return { ok: false, reason: `${fields.idField} is missing` };
  return { ok: true, input: { kind: 'upsert', id: String(id), key: String(key), eventTime, value } };
}

function parseEventTime(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw !== 'string') return undefined;
  const ms = Date.parse(raw);
  return Number.isNaN(ms) ? undefined : ms;
}
