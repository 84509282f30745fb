// source.kafka: decodes a topic's JSON records. The record key is the keyField's
// value when set (the topic is assumed keyed by it, so that is its partitioning),
// the timestamp the eventTimeField's when set. Undecodable input is dead-lettered.
import type { DecodeResult, NodeFactory } from '../../engine/node-implementation.ts';
import { fieldKey } from '../../engine/partitioning.ts';
import { type EngineRecord, isPlainObject, type RawRecord } from '../../engine/record.ts';
import type { SourceKafkaConfig } from './declaration.ts';

/**
 * The record's offset in its source partition, carried through repartitions: for a
 * topic keyed by record id, every version of a record is in one partition, so the
 * offset orders versions wherever later stages see them.
 */
export const VERSION_HEADER = 'sluice.version';

/** Event time from a field: epoch milliseconds or an ISO-8601 text; undefined when it is neither. */
export function eventTimeOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string') {
    const parsed = Date.parse(value);
    return Number.isNaN(parsed) ? undefined : parsed;
  }
  return undefined;
}

export function decodeSourceRecord(raw: RawRecord, config: SourceKafkaConfig): DecodeResult {
  const origin = { topic: raw.topic, partition: raw.partition, offset: raw.offset };
  const headers = { ...raw.headers, [VERSION_HEADER]: String(raw.offset) };
  if (raw.value === null) return { ok: true, record: { key: raw.key, value: null, timestamp: raw.timestamp, headers, origin } };
  let value: unknown;
  try {
    value = JSON.parse(raw.value);
  } catch (error) {
    return { ok: false, reason: 'invalid-json', error: error instanceof Error ? error.message : String(error) };
  }
  if (!isPlainObject(value))
    return {
      ok: false,
      reason: 'not-a-json-object',
      error: `expected a JSON object, got ${Array.isArray(value) ? 'an array' : typeof value}`,
    };
  const record: EngineRecord = { key: raw.key, value, timestamp: raw.timestamp, headers, origin };
  if (config.keyField) record.key = fieldKey(record, config.keyField) ?? raw.key;
  if (config.eventTimeField) {
    const field = value[config.eventTimeField];
    if (field !== undefined && field !== null) {
      const time = eventTimeOf(field);
      if (time === undefined)
        return { ok: false, reason: 'invalid-event-time', error: `${config.eventTimeField} is not a time: ${JSON.stringify(field)}` };
      record.timestamp = time;
    }
  }
  return { ok: true, record };
}

export const sourceKafkaImplementation: NodeFactory<SourceKafkaConfig> = {
  create({ config }) {
    return {
      kind: 'source',
      topic: config.topic,
      startFrom: config.startFrom,
      partitioning: config.keyField ? { kind: 'field', field: config.keyField } : { kind: 'record-key' },
      decode: (raw) => decodeSourceRecord(raw, config),
    };
  },
};
