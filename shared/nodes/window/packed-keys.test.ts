import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Accumulator } from './accumulator.ts';
import { PackedKeys } from './packed-keys.ts';
import { trackFields } from './tracked-fields.ts';
import type { ResolvedWindowConfig } from './window-config.ts';
import type { WindowInput } from './window-input.ts';
import { WindowOperator } from './window-operator.ts';
import { DAY, review, reviewStatsConfig, T0 } from './window-test-fixtures.ts';

const sumAndAverage = trackFields([
  { name: 'n', fn: 'count' },
  { name: 'total', fn: 'sum', field: 'x' },
  { name: 'mean', fn: 'avg', field: 'y' },
]);
const decimal = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).map((value) => (value === 0 ? 0 : value));

describe('PackedKeys', () => {
  it('counts rows straight into a slot with the same bits as an accumulator, and packs and unpacks them unchanged', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.option(decimal), fc.option(decimal)), { maxLength: 60 }), (rows) => {
        const packed = PackedKeys.for(sumAndAverage);
        if (!packed) throw new Error('count/sum/avg should pack');
        const reference = new Accumulator(sumAndAverage);
        for (const values of rows) {
          packed.add('k', T0, values);
          reference.add(values);
        }
        const direct = new Accumulator(sumAndAverage);
        if (rows.length > 0) expect(packed.peekInto('k', direct)).toBe(T0);
        expect(direct.snapshot()).toEqual(reference.snapshot());

        packed.pack('other', T0 + 1, reference);
        const unpacked = new Accumulator(sumAndAverage);
        expect(packed.unpackInto('other', unpacked)).toBe(T0 + 1);
        expect(unpacked.snapshot()).toEqual(reference.snapshot());
        expect(packed.has('other')).toBe(false);
      }),
    );
  });

  it('is not used when min or max need every value of a key', () => {
    expect(PackedKeys.for(trackFields([{ name: 'low', fn: 'min', field: 'x' }]))).toBeUndefined();
  });
});

describe('WindowOperator with packed keys', () => {
  it('packs a course whose reviews left the 90 days, and unpacks and repacks it with exact figures', () => {
    const packing = new WindowOperator(reviewStatsConfig);
    const objects = new WindowOperator(reviewStatsConfig); // never drained, so it never packs: the reference
    const both = (input: WindowInput, now: number) => {
      const result = packing.apply(input, now);
      expect(result).toEqual(objects.apply(input, now));
      packing.drainChangelog();
      return result;
    };
    both(review('old-1', 'c1', 0.1, T0 - 200 * DAY), T0);
    both(review('old-2', 'c1', 0.7, T0 - 150 * DAY), T0);
    expect(packing.stats()).toMatchObject({ keys: 1, packedKeys: 1, heldRows: 0 });
    expect(packing.read('c1', T0 + 5)).toEqual(objects.read('c1', T0 + 5));

    both(review('recent', 'c1', 0.3, T0 - DAY), T0 + DAY);
    expect(packing.stats()).toMatchObject({ keys: 1, packedKeys: 0, heldRows: 1 });
    both(review('old-1', 'c1', 0.2, T0 - 200 * DAY), T0 + 2 * DAY); // an edit of a packed-away row

    const expired = packing.advance(T0 + 90 * DAY);
    expect(expired).toEqual(objects.advance(T0 + 90 * DAY));
    expect(expired).toHaveLength(1);
    packing.drainChangelog();
    expect(packing.stats()).toMatchObject({ keys: 1, packedKeys: 1, heldRows: 0 });
    expect(packing.read('c1', T0 + 100 * DAY)).toEqual(objects.read('c1', T0 + 100 * DAY));
    expect(packing.read('c1', T0 + 100 * DAY)).toMatchObject({ allTime: { count: 3 }, last90Days: { count: 0, averageRating: null } });

    both({ kind: 'delete', id: 'old-2' }, T0 + 101 * DAY);
    both({ kind: 'delete', id: 'recent' }, T0 + 101 * DAY);
    expect(both({ kind: 'delete', id: 'old-1' }, T0 + 101 * DAY).changes).toEqual([{ kind: 'key', key: 'c1', output: null }]);
    expect(packing.stats()).toMatchObject({ keys: 0, packedKeys: 0 });
  });

  it('gives the same changes and reads, bit for bit, as keys that are never packed (decimals, edits, deletes, appends, time)', () => {
    const config: ResolvedWindowConfig = {
      keyField: 'k',
      windows: [
        { name: 'ever', type: 'all-time' },
        { name: 'week', type: 'sliding', size: 7 * DAY },
        { name: 'daily', type: 'bucketed', size: DAY, advance: DAY },
      ],
      aggregates: [
        { name: 'n', fn: 'count' },
        { name: 'total', fn: 'sum', field: 'x' },
        { name: 'mean', fn: 'avg', field: 'x' },
      ],
      allowedLateness: DAY,
    };
    const step = fc.oneof(
      fc.record({
        op: fc.constantFrom('upsert' as const, 'append' as const),
        id: fc.integer({ min: 0, max: 9 }),
        key: fc.constantFrom('a', 'b', 'c'),
        days: fc.integer({ min: -30, max: 0 }),
        x: fc.option(decimal),
      }),
      fc.record({ op: fc.constant('delete' as const), id: fc.integer({ min: 0, max: 9 }) }),
      fc.record({ op: fc.constant('advance' as const), by: fc.integer({ min: 0, max: 10 * DAY }) }),
    );
    let runsThatPacked = 0;
    fc.assert(
      fc.property(fc.array(step, { minLength: 10, maxLength: 60 }), (script) => {
        const packing = new WindowOperator(config);
        const objects = new WindowOperator(config);
        let now = T0;
        let packedAtSomePoint = false;
        for (const next of script) {
          if (next.op === 'advance') {
            now += next.by;
            expect(packing.advance(now)).toEqual(objects.advance(now));
          } else {
            const input: WindowInput =
              next.op === 'delete'
                ? { kind: 'delete', id: `r${next.id}` }
                : next.op === 'upsert'
                  ? { kind: 'upsert', id: `r${next.id}`, key: next.key, eventTime: now + next.days * DAY, value: { x: next.x } }
                  : { kind: 'upsert', key: next.key, eventTime: now + next.days * DAY, value: { x: next.x } };
            expect(packing.apply(input, now)).toEqual(objects.apply(input, now));
          }
          packing.drainChangelog();
          packedAtSomePoint ||= packing.stats().packedKeys > 0;
          for (const key of ['a', 'b', 'c']) {
            expect(packing.read(key, now + DAY)).toEqual(objects.read(key, now + DAY));
            expect(packing.readInstances(key, now)).toEqual(objects.readInstances(key, now));
          }
          expect(packing.nextDeadline()).toBe(objects.nextDeadline());
        }
        expect(new Set(packing.keyNames())).toEqual(new Set(objects.keyNames()));
        if (packedAtSomePoint) runsThatPacked += 1;
      }),
      { numRuns: 200 },
    );
    expect(runsThatPacked).toBeGreaterThan(50); // the comparison above is about packed keys, not only objects
  });

  it('restores from changelog rows into packed keys with the figures an unpacked restore computes', () => {
    // The same rows under a layout that cannot pack (a max on another field): the shared figures must be identical.
    const packable: ResolvedWindowConfig = reviewStatsConfig;
    const unpackable: ResolvedWindowConfig = {
      ...reviewStatsConfig,
      aggregates: [...reviewStatsConfig.aggregates, { name: 'latest', fn: 'max', field: 'n' }],
    };
    // Huge values that cancel: only an exact compensation term gives the same average.
    const cancelling = fc.oneof(decimal, fc.constantFrom(1e16, -1e16, 2 ** 53));
    // Mostly older than the 90 days, so that many courses hold several packed rows.
    const age = fc.oneof(
      { arbitrary: fc.integer({ min: 90, max: 400 }), weight: 4 },
      { arbitrary: fc.integer({ min: 0, max: 89 }), weight: 1 },
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), age, cancelling), { maxLength: 80 }), (rows) => {
        const [restoredPacked, restoredObjects] = [packable, unpackable].map((config) => {
          const live = new WindowOperator(config);
          rows.forEach(([course, ageDays, rating], index) => {
            live.apply(review(`r${index}`, `c${course}`, rating, T0 - ageDays * DAY, { n: index }), T0);
          });
          const restored = new WindowOperator(config);
          for (const entry of live.exportEntries()) restored.applyChangelogEntry(JSON.parse(JSON.stringify(entry)));
          return restored;
        });
        if (!restoredPacked || !restoredObjects) throw new Error('two operators');
        const keys = restoredPacked.keyNames();
        expect(new Set(keys)).toEqual(new Set(restoredObjects.keyNames()));
        expect(restoredObjects.stats().packedKeys).toBe(0);
        const oldOnly = new Set(rows.map(([course]) => `c${course}`));
        for (const [course, ageDays] of rows) if (ageDays < 90) oldOnly.delete(`c${course}`);
        expect(restoredPacked.stats().packedKeys).toBe(oldOnly.size);
        for (const key of keys) {
          for (const at of [T0, T0 + 91 * DAY]) {
            const packedRead = restoredPacked.read(key, at);
            const { latest: _latest, ...allTime } = (restoredObjects.read(key, at)?.allTime ?? {}) as Record<string, unknown>;
            const { latest: _latest90, ...last90Days } = (restoredObjects.read(key, at)?.last90Days ?? {}) as Record<string, unknown>;
            expect(packedRead?.allTime).toEqual(allTime);
            expect(packedRead?.last90Days).toEqual(last90Days);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
