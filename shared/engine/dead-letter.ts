// Dead letters: the record as it was, plus headers saying where it came from and why.

import type { EngineRecord, OutboundRecord, RawRecord } from './record.ts';
import { encodeValue } from './record-codec.ts';

export const DLQ_HEADERS = {
  node: 'sluice.node',
  reason: 'sluice.reason',
  sourceTopic: 'sluice.source.topic',
  sourcePartition: 'sluice.source.partition',
  sourceOffset: 'sluice.source.offset',
  error: 'sluice.error',
} as const;

export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (error === undefined) return '';
  return typeof error === 'string' ? error : JSON.stringify(error);
}

interface Failure {
  dlqTopic: string;
  node: string;
  reason: string;
  error?: unknown;
}

function failureHeaders(
  failure: Failure,
  origin: { topic: string; partition: number; offset: number } | undefined,
): Record<string, string> {
  const headers: Record<string, string> = { [DLQ_HEADERS.node]: failure.node, [DLQ_HEADERS.reason]: failure.reason };
  if (origin) {
    headers[DLQ_HEADERS.sourceTopic] = origin.topic;
    headers[DLQ_HEADERS.sourcePartition] = String(origin.partition);
    headers[DLQ_HEADERS.sourceOffset] = String(origin.offset);
  }
  const text = errorText(failure.error);
  if (text !== '') headers[DLQ_HEADERS.error] = text.slice(0, 1000);
  return headers;
}

/** A raw input that could not be decoded: its bytes go to the DLQ unchanged. */
export function deadLetterOfRaw(raw: RawRecord, failure: Failure): OutboundRecord {
  return {
    topic: failure.dlqTopic,
    key: raw.key,
    value: raw.value,
    headers: { ...raw.headers, ...failureHeaders(failure, raw) },
    timestamp: raw.timestamp,
  };
}

export function deadLetterOfRecord(record: EngineRecord, failure: Failure): OutboundRecord {
  return {
    topic: failure.dlqTopic,
    key: record.key,
    value: encodeValue(record.value),
    headers: { ...record.headers, ...failureHeaders(failure, record.origin) },
    timestamp: record.timestamp,
  };
}
