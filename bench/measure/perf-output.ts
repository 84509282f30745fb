// Reads the summary lines of Kafka's own perf tools (org.apache.kafka.tools).
//
// ProducerPerformance ends with one line like
//   200000 records sent, 27438.606119 records/sec (13.08 MB/sec), 1359.98 ms avg latency, 2972.00 ms max latency,
//   1437 ms 50th, 2577 ms 95th, 2861 ms 99th, 2916 ms 99.9th.
// (progress lines before it have the same start but no percentiles).
// ConsumerPerformance prints a header and one CSV row:
//   start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec

export interface ProducerPerformanceSummary {
  records: number;
  recordsPerSecond: number;
  mbPerSecond: number;
  avgLatencyMs: number;
  maxLatencyMs: number;
  p50Ms: number;
  p99Ms: number;
}

export interface ConsumerPerformanceSummary {
  records: number;
  mb: number;
  /** Over the whole run, group join included. */
  recordsPerSecond: number;
  mbPerSecond: number;
  rebalanceMs: number;
  /** Over the fetch time only (the join excluded): comparable with the kafkajs pass-through, whose clock starts at the first batch. */
  fetchRecordsPerSecond: number;
  fetchMbPerSecond: number;
}

const number = '([\\d.]+)';
const producerSummary = new RegExp(
  `^${number} records sent, ${number} records/sec \\(${number} MB/sec\\), ${number} ms avg latency, ${number} ms max latency, ${number} ms 50th, ${number} ms 95th, ${number} ms 99th`,
);

export function parseProducerPerformance(output: string): ProducerPerformanceSummary | undefined {
  for (const line of output.split('\n').reverse()) {
    const match = line.trim().match(producerSummary);
    if (!match) continue;
    const [records, recordsPerSecond, mbPerSecond, avgLatencyMs, maxLatencyMs, p50Ms, , p99Ms] = match.slice(1).map(Number) as number[];
    return {
      records: records as number,
      recordsPerSecond: recordsPerSecond as number,
      mbPerSecond: mbPerSecond as number,
      avgLatencyMs: avgLatencyMs as number,
      maxLatencyMs: maxLatencyMs as number,
      p50Ms: p50Ms as number,
      p99Ms: p99Ms as number,
    };
  }
  return undefined;
}

export function parseConsumerPerformance(output: string): ConsumerPerformanceSummary | undefined {
  const lines = output.split('\n').map((line) => line.trim());
  const headerAt = lines.findIndex((line) => line.startsWith('start.time,'));
  if (headerAt < 0) return undefined;
  const header = (lines[headerAt] as string).split(',').map((name) => name.trim());
  const row = lines.slice(headerAt + 1).find((line) => line.split(',').length === header.length);
  if (!row) return undefined;
  const cells = row.split(',').map((cell) => cell.trim());
  const field = (name: string) => {
    const value = Number(cells[header.indexOf(name)]);
    return Number.isFinite(value) ? value : Number.NaN;
  };
  const summary = {
    records: field('data.consumed.in.nMsg'),
    mb: field('data.consumed.in.MB'),
    recordsPerSecond: field('nMsg.sec'),
    mbPerSecond: field('MB.sec'),
    rebalanceMs: field('rebalance.time.ms'),
    fetchRecordsPerSecond: field('fetch.nMsg.sec'),
    fetchMbPerSecond: field('fetch.MB.sec'),
  };
  return Object.values(summary).some(Number.isNaN) ? undefined : summary;
}
