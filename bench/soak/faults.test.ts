import { describe, expect, it } from 'vitest';
import { seededRandom } from '../load/random.ts';
import { FAULT_KINDS, faultPlan } from './faults.ts';

describe('the soak fault plan', () => {
  it('injects every kind at least once, in time order, apart from each other, within the run', () => {
    const plan = faultPlan(30 * 60_000, 120_000, seededRandom(1));
    for (const kind of FAULT_KINDS) expect(plan.some((fault) => fault.kind === kind)).toBe(true);
    const times = plan.map((fault) => fault.atMs);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    for (let i = 1; i < times.length; i++) expect((times[i] ?? 0) - (times[i - 1] ?? 0)).toBeGreaterThanOrEqual(120_000 - 1);
    expect(Math.max(...times)).toBeLessThan(30 * 60_000);
  });

  it('still injects every kind in a short run', () => {
    expect(new Set(faultPlan(5 * 60_000, 60_000, seededRandom(2)).map((fault) => fault.kind)).size).toBe(FAULT_KINDS.length);
  });
});
