// The record batch encoder and record decoder patched into kafkajs (patches/kafkajs+2.2.4.patch:
// src/protocol/recordBatch/v0/encodeUncompressed.js and recordBatch/record/v0/decodeFast.js) against the kafkajs code
// they replace: the same bytes for any messages, and the same records decoded from any batch.
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
type Value = string | Buffer | null | undefined;
interface Message {
  key?: Value;
  value?: Value;
  headers?: Record<string, string | Buffer | (string | Buffer)[]>;
  timestamp?: string | number;
}
interface Batch {
  messages: Message[];
  dateNow: number;
  firstTimestamp: number;
  maxTimestamp: number;
  producerId?: unknown;
  producerEpoch?: number;
  firstSequence?: number;
  transactional?: boolean;
}
const encodeUncompressed = require('kafkajs/src/protocol/recordBatch/v0/encodeUncompressed.js') as (batch: Batch) => Buffer;
const Record = require('kafkajs/src/protocol/recordBatch/record/v0/index.js') as (record: object) => unknown;
const { RecordBatch } = require('kafkajs/src/protocol/recordBatch/v0/index.js') as {
  RecordBatch: (batch: object) => Promise<{ buffer: Buffer }>;
};
const decodeRecordBatch = require('kafkajs/src/protocol/recordBatch/v0/decoder.js') as (decoder: unknown) => Promise<{
  records: { key: Buffer | null; value: Buffer | null; headers: Record<string, Buffer | Buffer[]>; timestamp: string }[];
  inTransaction: boolean;
  producerId: string;
}>;
const Decoder = require('kafkajs/src/protocol/decoder.js') as new (buffer: Buffer) => unknown;
type RecordDecoder = (decoder: unknown, context: object) => Record<string, unknown>;
const decodeRecord = require('kafkajs/src/protocol/recordBatch/record/v0/decoder.js') as RecordDecoder;
const decodeRecordFast = require('kafkajs/src/protocol/recordBatch/record/v0/decodeFast.js') as RecordDecoder;
const crc32C = require('kafkajs/src/protocol/recordBatch/crc32C/index.js') as (buffer: Buffer) => number;
const Long = require('kafkajs/src/utils/long.js') as { fromValue(value: unknown): unknown };

/** What kafkajs' produce request did before the patch, for one partition's messages. */
async function kafkajsBatch(batch: Batch): Promise<Buffer> {
  const records = batch.messages.map((message, i) =>
    Record({
      key: message.key,
      value: message.value,
      headers: message.headers,
      offsetDelta: i,
      timestampDelta: Number(message.timestamp || batch.dateNow) - batch.firstTimestamp,
    }),
  );
  const encoded = await RecordBatch({
    records,
    firstTimestamp: batch.firstTimestamp,
    maxTimestamp: batch.maxTimestamp,
    producerId: batch.producerId,
    producerEpoch: batch.producerEpoch,
    firstSequence: batch.firstSequence,
    transactional: batch.transactional,
    lastOffsetDelta: records.length - 1,
  });
  return encoded.buffer;
}

function timestampsOf(messages: Message[], dateNow: number): { firstTimestamp: number; maxTimestamp: number } {
  const stamps = messages.flatMap((message) => (message.timestamp == null ? [] : [Number(message.timestamp)]));
  return stamps.length === 0
    ? { firstTimestamp: dateNow, maxTimestamp: dateNow }
    : { firstTimestamp: Math.min(...stamps), maxTimestamp: Math.max(...stamps) };
}

/** Each record of an encoded batch decoded by `decode`, as the batch decoder calls it (one Decoder per record). */
function recordsOf(encoded: Buffer, context: object, decode: RecordDecoder): Record<string, unknown>[] {
  const batch = new Decoder(encoded.subarray(61)) as { readVarIntBytes(): Buffer; offset: number; buffer: Buffer };
  const records: Record<string, unknown>[] = [];
  while (batch.offset < batch.buffer.length) records.push(decode(new Decoder(batch.readVarIntBytes()), context));
  return records;
}

// Texts of every kind: ASCII, any grapheme, any code point (lone surrogates too), and mixes at the edges of UTF-8's
// byte counts (one-byte ASCII, two-byte Latin-1, three-byte €, four-byte emoji), short and just past 64 units.
const edges = fc.constantFrom('a', '\u007f', '\u0080', 'é', '\u00ff', '€', '\ud83d\ude00', '\ud800');
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: edges, maxLength: 70 }),
  fc.string({ minLength: 60, maxLength: 70 }),
  fc.constant(''),
);
const bytes = fc.uint8Array({ maxLength: 40 }).map((array) => Buffer.from(array));
const value = fc.oneof(text, bytes, fc.constant(null));
const headerValue = fc.oneof(text, bytes);
const message: fc.Arbitrary<Message> = fc.record(
  {
    key: value,
    value: fc.oneof(value, fc.string({ minLength: 200, maxLength: 3000 })),
    headers: fc.dictionary(
      fc.oneof(fc.string({ maxLength: 12 }), fc.string({ unit: edges, maxLength: 4 })).filter((name) => !(name in Object.prototype)),
      fc.oneof(headerValue, fc.array(headerValue, { maxLength: 3 })),
    ),
    // Event times a review can carry: from 1970 to years ahead, some as strings, as kafkajs accepts them.
    timestamp: fc.oneof(fc.integer({ min: 0, max: 4_102_444_800_000 }), fc.integer({ min: 0, max: 4e12 }).map(String)),
  },
  { requiredKeys: ['value'] },
);
const batch: fc.Arbitrary<Batch> = fc
  .record({
    messages: fc.array(message, { minLength: 1, maxLength: 30 }),
    dateNow: fc.integer({ min: 1_500_000_000_000, max: 2_000_000_000_000 }),
    producerId: fc.oneof(
      fc.constant(undefined),
      fc.bigInt({ min: 0n, max: 2n ** 62n }).map((id) => Long.fromValue(id)),
    ),
    producerEpoch: fc.integer({ min: 0, max: 32_767 }),
    firstSequence: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    transactional: fc.boolean(),
  })
  .map((drawn) => ({ ...drawn, ...timestampsOf(drawn.messages, drawn.dateNow) }));

describe('the uncompressed record batch encoder', () => {
  it('writes the same bytes as kafkajs Record and RecordBatch for any messages', async () => {
    await fc.assert(
      fc.asyncProperty(batch, async (drawn) => {
        expect(encodeUncompressed(drawn).equals(await kafkajsBatch(drawn))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('writes what kafkajs decodes back into the same records', async () => {
    const messages: Message[] = [
      {
        key: 'course-1',
        value: '{"rating":5,"text":"clear ✓ ünïcode"}',
        headers: { 'sluice.from': 'a:b', many: ['x', 'y'] },
        timestamp: 1_700_000_000_000,
      },
      { key: null, value: null, timestamp: 86_400_000 }, // a tombstone of 1970: a negative timestamp delta
      { key: Buffer.from([0, 255]), value: 'x'.repeat(70_000), timestamp: '1800000000000' },
    ];
    const dateNow = 1_750_000_000_000;
    const encoded = encodeUncompressed({
      messages,
      dateNow,
      ...timestampsOf(messages, dateNow),
      producerId: Long.fromValue(42n),
      transactional: true,
    });
    const decoded = await decodeRecordBatch(new Decoder(encoded));
    expect(decoded.inTransaction).toBe(true);
    expect(decoded.producerId).toBe('42');
    expect(
      decoded.records.map((record) => ({
        key: record.key?.toString('hex') ?? null,
        value: record.value?.toString() ?? null,
        headers: Object.fromEntries(
          Object.entries(record.headers).map(([name, v]) => [name, Array.isArray(v) ? v.map(String) : String(v)]),
        ),
        timestamp: record.timestamp,
      })),
    ).toEqual([
      {
        key: Buffer.from('course-1').toString('hex'),
        value: messages[0]?.value,
        headers: { 'sluice.from': 'a:b', many: ['x', 'y'] },
        timestamp: '1700000000000',
      },
      { key: null, value: null, headers: {}, timestamp: '86400000' },
      { key: '00ff', value: 'x'.repeat(70_000), headers: {}, timestamp: '1800000000000' },
    ]);
  });

  it('decodes every record as kafkajs decoded it, in any batch context', async () => {
    const context = fc.record({
      firstOffset: fc.oneof(fc.integer({ min: 0, max: 2 ** 40 }).map(String), fc.constant('9007199254740990')),
      firstTimestamp: fc.oneof(fc.integer({ min: -1, max: 4e12 }).map(String), fc.constant('9007199254740990')),
      maxTimestamp: fc.integer({ min: 0, max: 4e12 }).map(String),
      timestampType: fc.constantFrom(0, 1),
      magicByte: fc.constant(2),
      isControlBatch: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(batch, context, async (drawn, recordContext) => {
        const encoded = encodeUncompressed(drawn);
        expect(recordsOf(encoded, recordContext, decodeRecordFast)).toEqual(recordsOf(encoded, recordContext, decodeRecord));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a header named like an Object property as the header', () => {
    const headers = JSON.parse('{"__proto__":"p","constructor":["a","b"],"toString":"t"}') as Message['headers'];
    const encoded = encodeUncompressed({ messages: [{ value: 'v', headers }], dateNow: 1, firstTimestamp: 1, maxTimestamp: 1 });
    const [record] = recordsOf(encoded, { firstOffset: '0', firstTimestamp: '1' }, decodeRecordFast) as {
      headers: Record<string, unknown>;
    }[];
    expect(Object.getPrototypeOf(record?.headers)).toBe(Object.prototype);
    expect(Object.entries(record?.headers ?? {}).map(([name, v]) => [name, Array.isArray(v) ? v.map(String) : String(v)])).toEqual([
      ['__proto__', 'p'],
      ['constructor', ['a', 'b']],
      ['toString', 't'],
    ]);
  });
});

describe('the record batch checksum', () => {
  /** CRC-32C by its definition: reflected polynomial 0x82F63B78, one bit at a time. */
  function crc32CByBits(buffer: Buffer): number {
    let crc = 0xffffffff;
    for (const byte of buffer) {
      crc ^= byte;
      for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0x82f63b78 : crc >>> 1;
    }
    return (crc ^ 0xffffffff) >>> 0;
  }

  it("is CRC-32C's check value for '123456789'", () => {
    expect(crc32C(Buffer.from('123456789'))).toBe(0xe3069283);
  });

  it('equals CRC-32C by its definition for buffers of any length and offset', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), fc.nat({ max: 7 }), (array, skip) => {
        const buffer = Buffer.from(array).subarray(Math.min(skip, array.length));
        expect(crc32C(buffer)).toBe(crc32CByBits(buffer));
      }),
      { numRuns: 500 },
    );
  });
});
