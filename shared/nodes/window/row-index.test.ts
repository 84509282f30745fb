import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOCAL_MARKER_KEY, RecordingStore, type StoreChange } from '../../engine/recording-store.ts';
import { InMemoryKeyValueStore } from '../../engine/store.ts';
import { StoreRowTable } from './store-row-table.ts';
import { changelogKey } from './window-changelog.ts';
import { layoutOf } from './window-layout.ts';
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
    daysAgo: fc.integer({ min: -1, max: 400 }),
    halves: fc.integer({ min: 1, max: 10 }),
  }),
  fc.record({ op: fc.constant('delete' as const), id: fc.integer({ min: 0, max: 15 }) }),
  fc.record({ op: fc.constant('wait' as const), days: fc.integer({ min: 0, max: 120 }) }),
);
const COURSES = ['c0', 'c1', 'c2', 'c3'];
const tracked = layoutOf(reviewStatsConfig).tracked;

/** A window over `inner` as the engine opens one: a recording store, the clock loaded, rebuilt on first use. */
function openWindow(inner: InMemoryKeyValueStore, restored: StoreChange[] = []): { operator: WindowOperator; store: RecordingStore } {
  const store = new RecordingStore('rows', inner);
  for (const change of restored) store.restore(change.key, change.value);
  const operator = new WindowOperator(reviewStatsConfig, new StoreRowTable(store, () => {}, tracked));
  const clock = store.get('clock');
  if (clock) operator.applyChangelogEntry(clock as never);
  operator.invalidate();
  return { operator, store };
}

/** One record or wait, then the batch's end: the operator's entries to the store, the store's changes out. */
function run(next: Step, now: number, window: { operator: WindowOperator; store: RecordingStore }, reference: WindowOperator): number {
  if (next.op === 'wait') {
    now += next.days * DAY;
    expect(window.operator.advance(now)).toEqual(reference.advance(now));
  } else {
    const input =
      next.op === 'put' ? review(`r${next.id}`, `c${next.course}`, next.halves / 2, now - next.daysAgo * DAY) : remove(`r${next.id}`);
    expect(window.operator.apply(input, now)).toEqual(reference.apply(input, now));
  }
  for (const entry of window.operator.drainChangelog()) window.store.put(changelogKey(entry), entry);
  return now;
}

function copyOf(store: InMemoryKeyValueStore): InMemoryKeyValueStore {
  const copy = new InMemoryKeyValueStore();
  for (const [key, value] of store.entries()) copy.put(key, structuredClone(value));
  return copy;
}

function expectSameFigures(restored: WindowOperator, reference: WindowOperator, now: number): void {
  for (const at of [now, now + 45 * DAY, now + 91 * DAY, now + 400 * DAY]) {
    for (const course of COURSES) expect(restored.read(course, at)).toEqual(reference.read(course, at));
  }
}

describe('the window rows index (starting without reading every row)', () => {
  it('gives the figures of a full rebuild after restarts on the same files, with edits and deletes of old rows', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), fc.array(step, { maxLength: 30 }), (before, after) => {
        const reference = new WindowOperator(reviewStatsConfig);
        const inner = new InMemoryKeyValueStore();
        let window = openWindow(inner);
        let now = T0;
        for (const next of before) now = run(next, now, window, reference);
        window.store.takeChanges();

        window = openWindow(inner);
        expectSameFigures(window.operator, reference, now);
        expect(inner.get(LOCAL_MARKER_KEY)).toBeDefined();
        for (const next of after) now = run(next, now, window, reference);
        window.store.takeChanges();

        expectSameFigures(openWindow(inner).operator, reference, now);
      }),
      { numRuns: 200 },
    );
  });

  it('replays what a restore of the changelog tail overwrote, and falls back to every row when it cannot', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), fc.array(step, { maxLength: 30 }), (before, tail) => {
        const reference = new WindowOperator(reviewStatsConfig);
        const inner = new InMemoryKeyValueStore();
        const window = openWindow(inner);
        let now = T0;
        for (const next of before) now = run(next, now, window, reference);
        window.store.takeChanges();
        window.operator.read('c0', now); // the index is built by the first use
        window.store.takeChanges();
        const checkpointed = copyOf(inner);
        const changelogTail: StoreChange[] = [];
        for (const next of tail) {
          now = run(next, now, window, reference);
          changelogTail.push(...window.store.takeChanges());
        }

        expectSameFigures(openWindow(checkpointed, changelogTail).operator, reference, now);
        // The files of a version before the index: no local entries at all.
        const older = copyOf(checkpointed);
        for (const [key] of [...older.entries()]) if (key.startsWith('~')) older.delete(key);
        expectSameFigures(openWindow(older).operator, reference, now);
      }),
      { numRuns: 200 },
    );
  });

  it('reads only the rows a window may still hold when the index is current', () => {
    const inner = new InMemoryKeyValueStore();
    const reference = new WindowOperator(reviewStatsConfig);
    const window = openWindow(inner);
    const now = T0;
    for (let i = 0; i < 20; i++) run({ op: 'put', id: i, course: i % 2, daysAgo: i < 15 ? 300 : 10, halves: 4 }, now, window, reference);
    window.operator.read('c0', now);
    window.store.takeChanges();
    const table = new StoreRowTable(new RecordingStore('rows', inner), () => {}, tracked);
    const source = table.openIndex(now - 90 * DAY);
    expect(source?.live.map((row) => row.id).sort()).toEqual(['r15', 'r16', 'r17', 'r18', 'r19']);
    expect(source?.aged.map(([key, totals]) => [key, totals.count])).toEqual([
      ['c0', 8],
      ['c1', 7],
    ]);

    // A worker that keeps running moves rows out of the live ones as they leave the window.
    const later = now + 100 * DAY;
    run({ op: 'wait', days: 100 }, now, window, reference);
    window.store.takeChanges();
    expect([...inner.range('~live:', '~live;')]).toEqual([]);
    expect([...inner.range('~aged:', '~aged;')].map(([key, totals]) => [key, (totals as { count: number }).count])).toEqual([
      ['~aged:c0', 10],
      ['~aged:c1', 10],
    ]);
    expectSameFigures(openWindow(inner).operator, reference, later);
  });

  it('takes no index as current once a restore wrote into the store, until its owner replays the restore', () => {
    const inner = new InMemoryKeyValueStore();
    inner.put(LOCAL_MARKER_KEY, { version: 1, horizon: 0 });
    inner.put('row:a', { kind: 'row', id: 'a', row: { key: 'c', t: 5, values: [1] } });
    const store = new RecordingStore('rows', inner);
    store.restore('row:a', null);
    expect(inner.get(LOCAL_MARKER_KEY)).toBeUndefined();
    const restored = store.takeRestored();
    expect(restored.kind === 'known' && [...restored.previous.keys()]).toEqual(['row:a']);
    expect(restored.kind === 'known' && restored.marker).toEqual({ version: 1, horizon: 0 });
  });
});
