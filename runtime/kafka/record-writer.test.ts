import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordBatchBytes } from './record-size.ts';
import { chunksUnder } from './record-writer.ts';

describe('chunksUnder (the load generator path: several writes when one cannot hold them)', () => {
  it('keeps the order, loses nothing, and keeps every chunk of more than one message under the limit', () => {
    const message = fc.record({
      key: fc.string({ minLength: 1, maxLength: 8 }),
      value: fc.option(fc.string({ maxLength: 400 }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(message, { maxLength: 200 }), fc.integer({ min: 200, max: 20_000 }), (messages, limit) => {
        const chunks = chunksUnder(messages, limit);
        expect(chunks.flat()).toEqual(messages);
        for (const chunk of chunks) {
          expect(chunk.length).toBeGreaterThan(0);
          if (chunk.length > 1) expect(recordBatchBytes(chunk)).toBeLessThanOrEqual(limit);
        }
      }),
      { seed: 3, numRuns: 300 },
    );
  });
});
