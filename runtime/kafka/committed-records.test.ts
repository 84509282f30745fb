import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { committedRecords, type FetchedRecord } from './committed-records.ts';

const marker = (offset: number, producerId: string, commit: boolean): FetchedRecord => {
  const key = Buffer.alloc(4);
  key.writeInt16BE(commit ? 1 : 0, 2);
  return { offset: String(offset), key, isControlRecord: true, batchContext: { producerId, inTransaction: true } };
};
const record = (offset: number, producerId: string, inTransaction = true): FetchedRecord => ({
  offset: String(offset),
  key: Buffer.from(`k${offset}`),
  isControlRecord: false,
  batchContext: { producerId, inTransaction },
});
const offsets = (records: FetchedRecord[]) => records.map((r) => Number(r.offset));

// Two producers' transactions overlap and are both aborted; a third commits afterwards.
const overlapping = [
  record(0, 'p1'),
  record(1, 'p2'),
  record(2, 'p1'),
  record(3, 'p2'),
  marker(4, 'p2', false),
  marker(5, 'p1', false),
  record(6, 'p3'),
  marker(7, 'p3', true),
];

describe('committed records of a fetch', () => {
  it('passes records written outside transactions and never returns control records', () => {
    const result = committedRecords([record(0, 'p', false), record(1, 'p', false), marker(2, 'q', true)], 0);
    expect(offsets(result.records)).toEqual([0, 1]);
    expect(result.resumeAt).toBeUndefined();
  });

  it('keeps the records of committed transactions and drops those of aborted ones', () => {
    const result = committedRecords([record(0, 'a'), record(1, 'b'), marker(2, 'a', true), marker(3, 'b', false)], 0);
    expect(offsets(result.records)).toEqual([0]);
    expect(result.aborted).toBe(1);
  });

  it('drops every record of overlapping aborted transactions, also when the fetch starts inside them', () => {
    for (const from of [0, 1, 2, 3]) expect(offsets(committedRecords(overlapping, from).records)).toEqual([6]);
  });

  it('judges a producer by its next marker: an aborted transaction followed by a committed one', () => {
    const fetched = [record(0, 'p'), marker(1, 'p', false), record(2, 'p'), marker(3, 'p', true)];
    expect(offsets(committedRecords(fetched, 0).records)).toEqual([2]);
  });

  it('stops at the first record whose marker is not in the fetch, so it is fetched again', () => {
    const result = committedRecords([record(0, 'a'), marker(1, 'a', true), record(2, 'b'), record(3, 'a', false)], 0);
    expect(offsets(result.records)).toEqual([0]);
    expect(result.resumeAt).toBe(2);
  });

  it('agrees with kafkajs as patched (patches/kafkajs+2.2.4.patch), which on its own delivered such records', () => {
    const require = createRequire(import.meta.url);
    const filterAbortedMessages = require('kafkajs/src/consumer/filterAbortedMessages.js') as (input: {
      messages: FetchedRecord[];
      abortedTransactions: { producerId: string; firstOffset: string }[];
    }) => FetchedRecord[];
    const delivered = (messages: FetchedRecord[], abortedTransactions: { producerId: string; firstOffset: string }[]) =>
      offsets(filterAbortedMessages({ messages, abortedTransactions }).filter((r) => !r.isControlRecord));
    // The broker lists aborted transactions in the order they ended (p2's marker comes first);
    // unpatched, kafkajs delivered a1 here.
    const endedOrder = [
      { producerId: 'p2', firstOffset: '1' },
      { producerId: 'p1', firstOffset: '0' },
    ];
    expect(delivered(overlapping, endedOrder)).toEqual([6]);
    // A fetch starting inside both: unpatched, kafkajs stepped into one of them per record and delivered b2.
    const fromThree = overlapping.filter((r) => Number(r.offset) >= 3);
    expect(delivered(fromThree, [...endedOrder].reverse())).toEqual([6]);
    expect(offsets(committedRecords(fromThree, 3).records)).toEqual([6]);
  });
});
