import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordBatchBytes } from './record-size.ts';

// kafkajs's own encoder for what it sends (record batch v2), to hold the estimate against.
const require = createRequire(import.meta.url);
const { RecordBatch } = require('kafkajs/src/protocol/recordBatch/v0') as {
  RecordBatch: (batch: { records: unknown[] }) => Promise<{ buffer: Buffer }>;
};
const Record = require('kafkajs/src/protocol/recordBatch/record/v0') as (record: {
  offsetDelta: number;
  timestampDelta: number;
  key: Buffer;
  value: Buffer | null;
}) => unknown;

async function encodedBytes(messages: { key: string; value: string | null }[]): Promise<number> {
  const records = messages.map((message, index) =>
    Record({
      offsetDelta: index,
      timestampDelta: index * 1_000_000,
      key: Buffer.from(message.key),
      value: message.value === null ? null : Buffer.from(message.value),
    }),
  );
  return (await RecordBatch({ records })).buffer.length;
}

describe('recordBatchBytes', () => {
  it('is never less than what kafkajs encodes, and at most 32 bytes a record more', async () => {
    const messages = fc.array(
      fc.record({ key: fc.string({ minLength: 1, maxLength: 64 }), value: fc.option(fc.string({ unit: 'grapheme', maxLength: 3000 })) }),
      {
        minLength: 1,
        maxLength: 200,
      },
    );
    await fc.assert(
      fc.asyncProperty(messages, async (batch) => {
        const actual = await encodedBytes(batch);
        const estimate = recordBatchBytes(batch);
        expect(estimate).toBeGreaterThanOrEqual(actual);
        expect(estimate - actual).toBeLessThanOrEqual(32 * batch.length);
      }),
      { seed: 7, numRuns: 200 },
    );
  });
});
