// How records cross topics. Internal (repartition) records carry the partition key
// as the Kafka key, so Kafka's partitioner and ours agree; the record's own key
// travels in a header. Values are JSON; bigint (CEL integers) becomes a number.
import { type EngineRecord, isPlainObject, type RawRecord } from './record.ts';

/** Header holding the record key on internal topics; absent means a null key. */
export const KEY_HEADER = 'sluice.key';

const bigintAsNumber = (_field: string, item: unknown) => (typeof item === 'bigint' ? Number(item) : item);

/**
 * JSON text of a value, bigint as a number. Most values hold no bigint, and JSON.stringify with a replacer is
 * several times slower than without, so the replacer is used only after the plain call threw (on a bigint: a
 * cycle throws again, as it would have).
 */
export function toJson(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return JSON.stringify(value, bigintAsNumber);
  }
}

export function encodeValue(value: Record<string, unknown> | null): string | null {
  return value === null ? null : toJson(value);
}

export function encodeInternalHeaders(record: EngineRecord): Record<string, string> {
  const headers = { ...record.headers };
  if (record.key === null) delete headers[KEY_HEADER];
  else headers[KEY_HEADER] = record.key;
  return headers;
}

export type InternalDecode = { ok: true; record: EngineRecord } | { ok: false; reason: string; error: string };

export function decodeInternal(raw: RawRecord): InternalDecode {
  const headers = { ...raw.headers };
  const key = headers[KEY_HEADER] ?? null;
  delete headers[KEY_HEADER];
  const origin = { topic: raw.topic, partition: raw.partition, offset: raw.offset };
  if (raw.value === null) return { ok: true, record: { key, value: null, timestamp: raw.timestamp, headers, origin } };
  try {
    const value: unknown = JSON.parse(raw.value);
    if (!isPlainObject(value)) return { ok: false, reason: 'not-a-json-object', error: 'the value is JSON but not an object' };
    return { ok: true, record: { key, value, timestamp: raw.timestamp, headers, origin } };
  } catch (error) {
    return { ok: false, reason: 'invalid-json', error: error instanceof Error ? error.message : String(error) };
  }
}

/** The changelog's wire form: JSON values, null for deletes. */
export function encodeChangelogValue(value: unknown | null): string | null {
  return value === null ? null : toJson(value);
}

export function decodeChangelogValue(value: string | null): unknown | null {
  return value === null ? null : (JSON.parse(value) as unknown);
}
