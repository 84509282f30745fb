import fc from 'fast-check';
// biome-ignore lint/style/noRestrictedImports: the test cross-checks against kafkajs; the engine itself never imports it
import { Partitioners } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { hashText, hashTextTwice, murmur2, partitionForKey } from './partitioner.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('the partitioner', () => {
  // The vectors of Kafka's own UtilsTest.testMurmur2 (clients/src/test/java/org/apache/kafka/common/utils/UtilsTest.java).
  it.each([
    ['21', -973932308],
    ['foobar', -790332482],
    ['a-little-bit-long-string', -985981536],
    ['a-little-bit-longer-string', -1486304829],
    ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
    ['abc', 479470107],
  ])('hashes %s like the Java client', (key, expected) => {
    expect(murmur2(bytes(key))).toBe(expected);
  });

  it('puts every key on the partition kafkajs DefaultPartitioner picks', () => {
    const partitioner = Partitioners.DefaultPartitioner();
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.integer({ min: 1, max: 64 }), (key, partitions) => {
        const partitionMetadata = Array.from({ length: partitions }, (_, partitionId) => ({
          partitionId,
          leader: 0,
          replicas: [0],
          isr: [0],
          partitionErrorCode: 0,
          offlineReplicas: [],
        }));
        const expected = partitioner({ topic: 't', partitionMetadata, message: { key, value: null } });
        expect(partitionForKey(key, partitions)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('hashes a key the same whatever was hashed before it: long keys, lone surrogates, a short key after a long one', () => {
    const reference = (key: string, partitions: number) => (murmur2(bytes(key)) & 0x7fffffff) % partitions;
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 20 }), fc.string({ unit: 'binary', minLength: 200, maxLength: 600 })), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.integer({ min: 1, max: 64 }),
        (keys, partitions) => {
          for (const key of keys) expect(partitionForKey(key, partitions)).toBe(reference(key, partitions));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('hashes only the bytes it is told to when given a length', () => {
    const padded = new Uint8Array([...bytes('foobar'), 1, 2, 3]);
    expect(murmur2(padded, 6)).toBe(murmur2(bytes('foobar')));
  });

  it('hashes a text twice in one pass exactly as with seeds 0 and 1 apart', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        expect(hashTextTwice(text)).toBe(hashText(text) + hashText(text, 1));
      }),
      { numRuns: 500 },
    );
  });
});
