// The stream equals the batch: random upserts, edits, deletes, duplicates, id-less appends and
// clock jumps (in any order) against the brute-force oracle, at every instant a
// timer fires, at the clock after every step, and at instants read ahead.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ResolvedWindowConfig } from './window-config.ts';
import { figuresOf, Harness, mismatch, type Step } from './window-property-harness.ts';
import { DAY, reviewStatsConfig, T0 } from './window-test-fixtures.ts';

const MAX_FUTURE = 5 * 60_000;
/** A soak run: WINDOW_PROPERTY_RUNS=5000 npx vitest run ... (the default keeps `npm test` quick). */
const RUNS = Number(process.env.WINDOW_PROPERTY_RUNS ?? 250);

/** Event times land on whole days, one ms either side and the 5-minute future edge, where off-by-ones live. */
const offset = fc.tuple(fc.integer({ min: -200, max: 0 }), fc.constantFrom(0, 1, -1, 1000, MAX_FUTURE, -MAX_FUTURE));

function steps(value: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<Step>[] {
  const id = fc.integer({ min: 0, max: 11 }).map((n) => `r${n}`);
  const key = fc.constantFrom('c1', 'c2', 'c3');
  return [
    fc.record({ id, key, offset, value }).map(
      ({ id, key, offset: [days, ms], value }): Step => ({
        op: 'upsert',
        id,
        key,
        eventOffset: Math.min(days * DAY + ms, MAX_FUTURE),
        value,
      }),
    ),
    fc.record({ key, offset, value }).map(
      ({ key, offset: [days, ms], value }): Step => ({
        op: 'append',
        key,
        eventOffset: Math.min(days * DAY + ms, MAX_FUTURE),
        value,
      }),
    ),
    id.map((id): Step => ({ op: 'delete', id })),
    id.map((id): Step => ({ op: 'duplicate', id })),
    fc
      .oneof(fc.constantFrom(1, MAX_FUTURE, DAY, 90 * DAY), fc.integer({ min: 0, max: 120 * DAY }))
      .map((by): Step => ({ op: 'advance', by })),
  ];
}

function check(harness: Harness, at: number, lookAhead: readonly number[]): void {
  const expected = harness.expectedOutputs(at);
  const keys = new Set([...expected.keys(), ...harness.view.keys()]);
  for (const key of keys) {
    const want = figuresOf(expected.get(key));
    const streamed = mismatch(figuresOf(harness.view.get(key)), want);
    if (streamed) throw new Error(`view of ${key} at ${new Date(at).toISOString()}: ${streamed}`);
    const read = mismatch(figuresOf(harness.operator.read(key, at)), want);
    if (read) throw new Error(`read(${key}) at ${new Date(at).toISOString()}: ${read}`);
  }
  for (const ahead of lookAhead) {
    const later = harness.expectedOutputs(at + ahead);
    for (const key of new Set([...later.keys(), ...harness.view.keys()])) {
      const found = mismatch(figuresOf(harness.operator.read(key, at + ahead)), figuresOf(later.get(key)));
      if (found) throw new Error(`read(${key}) ${ahead} ms ahead: ${found}`);
    }
  }
}

/**
 * exact: restored reads must be bit-identical. True for ratings (sums of halves are exact in
 * doubles); for arbitrary decimals a rebuilt compensated sum may differ in the last ulp.
 */
function property(config: ResolvedWindowConfig, value: fc.Arbitrary<Record<string, unknown>>, exact: boolean) {
  const lookAhead = fc.array(fc.oneof(fc.constantFrom(1, MAX_FUTURE, 90 * DAY - 1, 90 * DAY), fc.integer({ min: 0, max: 100 * DAY })), {
    maxLength: 3,
  });
  return fc.property(fc.array(fc.oneof(...steps(value)), { minLength: 20, maxLength: 80, size: 'max' }), lookAhead, (script, ahead) => {
    const harness = new Harness(config, T0, (h, at) => check(h, at, []));
    for (const step of script) {
      harness.run(step);
      check(harness, harness.clock, ahead);
      if (config.windows.some((window) => window.type === 'bucketed')) {
        const expected = harness.expectedInstances(harness.clock);
        for (const key of new Set([...expected.keys(), ...harness.operator.keyNames()])) {
          const found = mismatch(
            harness.operator.readInstances(key, harness.clock).map(figuresOf),
            (expected.get(key) ?? []).map(figuresOf),
          );
          if (found) throw new Error(`instances of ${key}: ${found}`);
        }
      }
    }
    // Restore from the compacted changelog: identical reads now and later, and the same next timer.
    const restored = harness.restored();
    expect(restored.nextDeadline()).toBe(harness.operator.nextDeadline());
    for (const at of [harness.clock, harness.clock + 30 * DAY, harness.clock + 91 * DAY]) {
      for (const key of new Set([...harness.operator.keyNames(), ...restored.keyNames()])) {
        const [before, after] = [harness.operator, restored].map((operator) => ({
          key: operator.read(key, at),
          instances: operator.readInstances(key, at),
        }));
        if (exact) expect(after).toEqual(before);
        else expect(mismatch(after, before)).toBeUndefined();
      }
    }
  });
}

describe('WindowOperator against the batch oracle', () => {
  it('agrees on review stats (all-time, last 90 days) at every instant', () => {
    const rating = fc.integer({ min: 1, max: 10 }).map((halves) => ({ rating: halves / 2, title: 'x' }));
    fc.assert(property(reviewStatsConfig, rating, true), { numRuns: RUNS });
  }, 120_000);

  it('agrees on sum/avg/min/max of arbitrary decimals, NULLs, several sliding sizes and bucketed windows', () => {
    const config: ResolvedWindowConfig = {
      keyField: 'k',
      windows: [
        { name: 'ever', type: 'all-time' },
        { name: 'week', type: 'sliding', size: 7 * DAY },
        { name: 'month', type: 'sliding', size: 30 * DAY },
        { name: 'daily', type: 'bucketed', size: DAY, advance: DAY },
        { name: 'threeDays', type: 'bucketed', size: 3 * DAY, advance: DAY },
      ],
      aggregates: [
        { name: 'n', fn: 'count' },
        { name: 'total', fn: 'sum', field: 'x' },
        { name: 'mean', fn: 'avg', field: 'x' },
        { name: 'low', fn: 'min', field: 'x' },
        { name: 'high', fn: 'max', field: 'y' },
      ],
      allowedLateness: 2 * DAY,
    };
    const decimal = fc.double({ min: -1000, max: 1000, noNaN: true, noDefaultInfinity: true });
    const value = fc.record({ x: fc.option(decimal), y: fc.option(fc.integer({ min: -5, max: 5 })) });
    fc.assert(property(config, value, false), { numRuns: Math.ceil(RUNS / 2) });
  }, 120_000);
});
