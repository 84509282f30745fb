import { describe, expect, it } from 'vitest';
import { judgeSustained, latencyWindows, type ProbeSample } from './latency-figures.ts';

const steady: ProbeSample[] = Array.from({ length: 30 }, (_, i) => ({ sentAt: i * 100, latencyMs: 50 + (i % 5) * 10 }));

describe('latencyWindows', () => {
  it('summarises consecutive windows, counting a timed-out probe as the timeout', () => {
    const samples = [...steady.slice(0, 20), { sentAt: 2500 }];
    const windows = latencyWindows(samples, 0, 1000, 3, 10_000);
    expect(windows.map((w) => w.count)).toEqual([10, 10, 1]);
    expect(windows[0]).toMatchObject({ p50: 70, max: 90, timedOut: 0 });
    expect(windows[2]).toMatchObject({ p50: 10_000, max: 10_000, timedOut: 1 });
  });
});

describe('judgeSustained', () => {
  it('accepts a steady run at the target rate', () => {
    expect(judgeSustained(steady, 1000, 990, 10_000)).toEqual({ sustained: true });
  });

  it('refuses a rate that could not be sent, probes that were never seen, and latency that climbs', () => {
    expect(judgeSustained(steady, 5000, 3100, 10_000)).toEqual({ sustained: false, reason: 'only 3100/s could be sent' });
    expect(judgeSustained([...steady, { sentAt: 4000 }], 1000, 1000, 10_000).reason).toBe('1 of 31 probes not seen within 10 s');
    const climbing = steady.map((s, i) => ({ sentAt: s.sentAt, latencyMs: 50 + i * 100 }));
    expect(judgeSustained(climbing, 1000, 1000, 10_000)).toEqual({
      sustained: false,
      reason: 'latency climbs (median 450 → 2450 ms): a backlog grows',
    });
  });
});
