// How much each measurement does, full and --quick. Full fits in 15 minutes on the
// 2-core machine; --quick in 2, as a smoke test (one run each, small sizes: its
// figures show that everything runs, not how fast).
import type { IdleOptions } from './measure/idle-cost.ts';
import type { LatencyOptions } from './measure/latency.ts';

export interface BenchSettings {
  /** Runs per figure: the table gives their median, min and max. */
  runs: number;
  /** Generated review operations for the throughput runs (ceiling, 1 and 2 workers). */
  records: number;
  /** Records for Kafka's perf tools. */
  perfRecords: number;
  /** Reviews of window state for the recovery measure, and kills of its worker (each kill a run). */
  recoveryRows: number;
  kills: number;
  latencyRates: number[];
  latency: LatencyOptions;
  /** The idle runtime: how long it settles after taking its tasks, and the window its CPU is measured over. */
  idle: IdleOptions;
  /** Window state for the memory measure: courses with all-time figures only, and reviews held in the 90 days. */
  memoryCourses: number;
  memoryReviewsHeld: number;
  ingestSeconds: number;
  /** Generated reviews pushed through the spam filter in the in-memory driver, per run, for its per-record cost (at most `records`). */
  spamFilterRecords: number;
}

export function benchSettings(quick: boolean): BenchSettings {
  if (quick)
    return {
      runs: 1,
      records: 1500,
      perfRecords: 30_000,
      recoveryRows: 50_000,
      kills: 1,
      latencyRates: [100, 1000, 5000],
      latency: { windows: 1, windowSeconds: 3, warmupSeconds: 2, probesPerSecond: 10, timeoutMs: 10_000 },
      idle: { settleSeconds: 3, windowSeconds: 10 },
      memoryCourses: 20_000,
      memoryReviewsHeld: 20_000,
      ingestSeconds: 3,
      spamFilterRecords: 1500,
    };
  return {
    runs: 3,
    records: 30_000,
    perfRecords: 300_000,
    recoveryRows: 1_000_000,
    kills: 3,
    latencyRates: [100, 1000, 5000],
    latency: { windows: 3, windowSeconds: 10, warmupSeconds: 10, probesPerSecond: 10, timeoutMs: 20_000 },
    idle: { settleSeconds: 10, windowSeconds: 30 },
    memoryCourses: 100_000,
    memoryReviewsHeld: 200_000,
    ingestSeconds: 10,
    spamFilterRecords: 30_000,
  };
}
