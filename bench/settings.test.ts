import { describe, expect, it } from 'vitest';
import { benchSettings } from './settings.ts';

describe('bench settings', () => {
  it('makes --quick one run of everything, each no bigger than the full bench', () => {
    const quick = benchSettings(true);
    const full = benchSettings(false);
    expect(quick.runs).toBe(1);
    expect(quick.kills).toBe(1);
    expect(quick.latency.windows).toBe(1);
    expect(full.recoveryRows).toBe(1_000_000);
    expect(full.latencyRates).toEqual([100, 1000, 5000]);
    expect(quick.latencyRates).toEqual(full.latencyRates);
    for (const key of [
      'records',
      'perfRecords',
      'recoveryRows',
      'memoryCourses',
      'memoryReviewsHeld',
      'ingestSeconds',
      'spamFilterRecords',
    ] as const)
      expect(quick[key]).toBeLessThanOrEqual(full[key]);
  });
});
