import { describe, expect, it } from 'vitest';
import { COPY_HEADER, FROM_HEADER, takeArrival, withCopyHeader, withEdgeHeader } from './node-accounting.ts';

const record = { key: 'r1', value: { id: 'r1' }, timestamp: 0, headers: { 'sluice.version': '7' } };

describe('how a repartition record says which edge it crossed', () => {
  it('names the port it left, and the receiving side takes the header off before the operator sees it', () => {
    const headers = { ...withEdgeHeader(record, { node: 'spamFilter', port: 'valid' }).headers };
    expect(takeArrival(headers)).toEqual({ kind: 'edge', from: { node: 'spamFilter', port: 'valid' } });
    expect(headers).toEqual({ 'sluice.version': '7' });
  });

  it('counts the copy of a broadcast delete for partition 0 as the input, and the others as copies', () => {
    const crossing = withEdgeHeader({ ...record, value: null }, { node: 'spamFilter', port: 'valid' });
    const arrivals = [0, 1, 2].map((partition) => takeArrival({ ...withCopyHeader(crossing, partition).headers }));
    expect(arrivals.map((arrival) => arrival.kind)).toEqual(['edge', 'copy', 'copy']);
    expect(arrivals[0]).toMatchObject({ broadcast: true });
  });

  it("treats a record without the header as a hop between the node's own stages", () => {
    const headers: Record<string, string> = { [COPY_HEADER]: '1' };
    expect(takeArrival(headers)).toEqual({ kind: 'hop', fromTimer: false });
    expect(headers[FROM_HEADER]).toBeUndefined();
    expect(headers[COPY_HEADER]).toBeUndefined();
  });
});
