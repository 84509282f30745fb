// The cheap parts of the metrics registry: a counter is a number field, a
// histogram an array of bucket counts. Rates come from one-second samples kept
// in a ring buffer, so reading them costs nothing on the record path.
import type { Labels } from './metric-names.ts';

export const RATE_WINDOWS = { '1s': 1, '1m': 60, '5m': 300 } as const;
export type RateWindow = keyof typeof RATE_WINDOWS;
const RING = RATE_WINDOWS['5m'] + 1;

export class Counter {
  value = 0;
  private readonly samples = new Float64Array(RING);
  private sampled = 0;

  constructor(
    readonly name: string,
    readonly labels: Labels,
  ) {}

  inc(by = 1): void {
    this.value += by;
  }

  /** Called once per second by the registry: remembers the total at that second. */
  sample(): void {
    this.samples[this.sampled % RING] = this.value;
    this.sampled++;
  }

  /** Per-second rate over the last `seconds` samples (fewer while the buffer fills). */
  rate(seconds: number): number {
    const span = Math.min(seconds, this.sampled - 1);
    if (span <= 0) return 0;
    const latest = this.samples[(this.sampled - 1) % RING] ?? 0;
    const earlier = this.samples[(this.sampled - 1 - span) % RING] ?? 0;
    return (latest - earlier) / span;
  }
}

export class Gauge {
  value = 0;
  constructor(
    readonly name: string,
    readonly labels: Labels,
  ) {}

  set(value: number): void {
    this.value = value;
  }
}

export class Histogram {
  readonly counts: number[];
  sum = 0;
  count = 0;

  constructor(
    readonly name: string,
    readonly labels: Labels,
    readonly bounds: readonly number[],
  ) {
    this.counts = new Array<number>(bounds.length + 1).fill(0);
  }

  observe(value: number): void {
    let bucket = 0;
    while (bucket < this.bounds.length && !(value <= (this.bounds[bucket] as number))) bucket++;
    this.counts[bucket] = (this.counts[bucket] ?? 0) + 1;
    this.sum += value;
    this.count++;
  }
}

export function seriesKey(name: string, labels: Labels): string {
  const parts = Object.keys(labels)
    .sort()
    .map((label) => `${label}=${labels[label]}`);
  return `${name}{${parts.join(',')}}`;
}
