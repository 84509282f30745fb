// The metrics registry of one worker (or one memory driver). The engine creates
// the series (operators get handles through their context, never create them);
// tick(now) samples every counter once per whole second of the clock passed in,
// which is what lets the memory driver's fake clock drive rates in tests.
import { type CounterName, type GaugeName, type HistogramName, type Labels, PROCESSING_TIME_BUCKETS } from './metric-names.ts';
import { Counter, Gauge, Histogram, RATE_WINDOWS, type RateWindow, seriesKey } from './metric-series.ts';

export * from './metric-names.ts';
export { Counter, Gauge, Histogram, RATE_WINDOWS, type RateWindow } from './metric-series.ts';

export interface CounterSnapshot {
  name: string;
  labels: Labels;
  total: number;
  /** Records per second over each window, from one-second samples. */
  rates: Record<RateWindow, number>;
}

export interface MetricsSnapshot {
  /** The clock time of the last sample. */
  at: number;
  counters: CounterSnapshot[];
  gauges: { name: string; labels: Labels; value: number }[];
  histograms: { name: string; labels: Labels; bounds: readonly number[]; counts: number[]; sum: number; count: number }[];
}

export type MetricsListener = (snapshot: MetricsSnapshot) => void;

export class MetricsRegistry {
  private readonly counters = new Map<string, Counter>();
  private readonly gauges = new Map<string, Gauge>();
  private readonly histograms = new Map<string, Histogram>();
  private readonly listeners = new Set<MetricsListener>();
  private lastSecond: number | undefined;
  private lastSampleAt = 0;

  counter(name: CounterName, labels: Labels): Counter {
    const key = seriesKey(name, labels);
    let counter = this.counters.get(key);
    if (!counter) {
      counter = new Counter(name, labels);
      this.counters.set(key, counter);
    }
    return counter;
  }

  gauge(name: GaugeName, labels: Labels): Gauge {
    const key = seriesKey(name, labels);
    let gauge = this.gauges.get(key);
    if (!gauge) {
      gauge = new Gauge(name, labels);
      this.gauges.set(key, gauge);
    }
    return gauge;
  }

  histogram(name: HistogramName, labels: Labels): Histogram {
    const key = seriesKey(name, labels);
    let histogram = this.histograms.get(key);
    if (!histogram) {
      histogram = new Histogram(name, labels, PROCESSING_TIME_BUCKETS);
      this.histograms.set(key, histogram);
    }
    return histogram;
  }

  /**
   * Advances the sampling clock: one sample per whole second passed (a gap of
   * several seconds takes several samples, so rates stay per second), then the
   * listeners get one snapshot.
   */
  tick(now: number): void {
    const second = Math.floor(now / 1000);
    if (this.lastSecond === undefined) {
      this.lastSecond = second;
      this.sampleAll(now);
      return;
    }
    if (second <= this.lastSecond) return;
    const steps = Math.min(second - this.lastSecond, RATE_WINDOWS['5m'] + 1);
    for (let i = 0; i < steps; i++) this.sampleAll(now);
    this.lastSecond = second;
    if (this.listeners.size === 0) return;
    const snapshot = this.snapshot();
    for (const listener of this.listeners) listener(snapshot);
  }

  subscribe(listener: MetricsListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  snapshot(): MetricsSnapshot {
    return {
      at: this.lastSampleAt,
      counters: [...this.counters.values()].map((counter) => ({
        name: counter.name,
        labels: counter.labels,
        total: counter.value,
        rates: { '1s': counter.rate(RATE_WINDOWS['1s']), '1m': counter.rate(RATE_WINDOWS['1m']), '5m': counter.rate(RATE_WINDOWS['5m']) },
      })),
      gauges: [...this.gauges.values()].map(({ name, labels, value }) => ({ name, labels, value })),
      histograms: [...this.histograms.values()].map(({ name, labels, bounds, counts, sum, count }) => ({
        name,
        labels,
        bounds,
        counts: [...counts],
        sum,
        count,
      })),
    };
  }

  private sampleAll(now: number): void {
    for (const counter of this.counters.values()) counter.sample();
    this.lastSampleAt = now;
  }
}

/** The sum of a counter's totals over the series whose labels include `match`. */
export function total(snapshot: MetricsSnapshot, name: CounterName, match: Labels = {}): number {
  return snapshot.counters
    .filter((counter) => counter.name === name && Object.entries(match).every(([label, value]) => counter.labels[label] === value))
    .reduce((sum, counter) => sum + counter.total, 0);
}
