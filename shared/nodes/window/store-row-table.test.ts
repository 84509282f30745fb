import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InMemoryKeyValueStore } from '../../engine/store.ts';
import { StoreRowTable } from './store-row-table.ts';
import { changelogKey } from './window-changelog.ts';
import { WindowOperator } from './window-operator.ts';
import { DAY, remove, review, reviewStatsConfig, T0 } from './window-test-fixtures.ts';

type Step =
  | { op: 'put'; id: number; course: number; daysAgo: number; halves: number }
  | { op: 'delete'; id: number }
  | { op: 'wait'; days: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    op: fc.constant('put' as const),
    id: fc.integer({ min: 0, max: 15 }),
    course: fc.integer({ min: 0, max: 3 }),
    daysAgo: fc.integer({ min: 0, max: 200 }),
    halves: fc.integer({ min: 1, max: 10 }),
  }),
  fc.record({ op: fc.constant('delete' as const), id: fc.integer({ min: 0, max: 15 }) }),
  fc.record({ op: fc.constant('wait' as const), days: fc.integer({ min: 0, max: 60 }) }),
);

/** What the engine does after each record: the operator's other entries go to the same store. */
function persist(operator: WindowOperator, store: InMemoryKeyValueStore): void {
  for (const entry of operator.drainChangelog()) store.put(changelogKey(entry), entry);
}

describe('the upsert table kept in a store', () => {
  it('gives the same figures as the in-memory table, and again after a restore from the store', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 60 }), (script) => {
        const inMemory = new WindowOperator(reviewStatsConfig);
        const store = new InMemoryKeyValueStore();
        const unreadable: string[] = [];
        const inStore = new WindowOperator(reviewStatsConfig, new StoreRowTable(store, (message) => unreadable.push(message)));
        let now = T0;
        for (const next of script) {
          if (next.op === 'wait') {
            now += next.days * DAY;
            expect(inStore.advance(now)).toEqual(inMemory.advance(now));
          } else {
            const input =
              next.op === 'put'
                ? review(`r${next.id}`, `c${next.course}`, next.halves / 2, now - next.daysAgo * DAY)
                : remove(`r${next.id}`);
            expect(inStore.apply(input, now)).toEqual(inMemory.apply(input, now));
          }
          persist(inStore, store);
        }
        expect(inStore.stats().rows).toBe(inMemory.stats().rows);

        const restored = new WindowOperator(reviewStatsConfig, new StoreRowTable(store, (message) => unreadable.push(message)));
        const clock = store.get('clock');
        if (clock) restored.applyChangelogEntry(clock as never);
        restored.invalidate();
        for (const at of [now, now + 45 * DAY, now + 91 * DAY]) {
          for (const course of ['c0', 'c1', 'c2', 'c3']) expect(restored.read(course, at)).toEqual(inMemory.read(course, at));
        }
        expect(unreadable).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('skips an unreadable stored row and says why', () => {
    const store = new InMemoryKeyValueStore();
    store.put('row:r1', { kind: 'row', id: 'r1', row: { key: 'c1', t: 'yesterday', values: [4] } });
    const unreadable: string[] = [];
    const table = new StoreRowTable(store, (message) => unreadable.push(message));
    expect(table.get('r1')).toBeUndefined();
    expect([...table.rows()]).toEqual([]);
    expect(unreadable).toEqual(['row r1: malformed', 'row r1: malformed']);
  });
});
