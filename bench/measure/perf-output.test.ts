import { describe, expect, it } from 'vitest';
import { parseConsumerPerformance, parseProducerPerformance } from './perf-output.ts';

// Captured from Kafka 4.4.0's tools against the local broker.
const producerOutput = `Option --producer-props has been deprecated and will be removed in a future version. Use --command-property instead.
64273 records sent, 12839.2 records/sec (6.12 MB/sec), 1304.7 ms avg latency, 2972.0 ms max latency.
200000 records sent, 27438.606119 records/sec (13.08 MB/sec), 1359.98 ms avg latency, 2972.00 ms max latency, 1437 ms 50th, 2577 ms 95th, 2861 ms 99th, 2916 ms 99.9th.
`;
const consumerOutput = `start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec
2026-11-25 08:40:48:545, 2026-11-25 08:40:51:154, 95.3674, 36.5533, 200000, 76657.7233, 767, 1842, 51.7738, 108577.6330
`;

describe('parseProducerPerformance', () => {
  it('reads the final summary line, not the progress lines', () => {
    expect(parseProducerPerformance(producerOutput)).toEqual({
      records: 200000,
      recordsPerSecond: 27438.606119,
      mbPerSecond: 13.08,
      avgLatencyMs: 1359.98,
      maxLatencyMs: 2972,
      p50Ms: 1437,
      p99Ms: 2861,
    });
  });

  it('gives undefined when the run printed no summary (it failed)', () => {
    expect(
      parseProducerPerformance('64273 records sent, 12839.2 records/sec (6.12 MB/sec), 1304.7 ms avg latency, 2972.0 ms max latency.'),
    ).toBe(undefined);
    expect(parseProducerPerformance('')).toBe(undefined);
  });
});

describe('parseConsumerPerformance', () => {
  it('reads the row under the header by column name', () => {
    expect(parseConsumerPerformance(`Warning: --messages is deprecated.\n${consumerOutput}`)).toEqual({
      records: 200000,
      mb: 95.3674,
      recordsPerSecond: 76657.7233,
      mbPerSecond: 36.5533,
      rebalanceMs: 767,
      fetchRecordsPerSecond: 108577.633,
      fetchMbPerSecond: 51.7738,
    });
  });

  it('gives undefined without a header or a complete row', () => {
    expect(parseConsumerPerformance('WARN no records')).toBe(undefined);
    expect(parseConsumerPerformance(consumerOutput.split('\n')[0] as string)).toBe(undefined);
  });
});
