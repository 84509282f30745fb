import { describe, expect, it } from 'vitest';
import { LOCAL_MARKER_KEY, RecordingStore } from './recording-store.ts';
import { InMemoryKeyValueStore } from './store.ts';

describe('a recording store', () => {
  it('reports the last value of every key written since the last batch, deletes as null', () => {
    const store = new RecordingStore('s', new InMemoryKeyValueStore());
    store.put('a', 1);
    store.put('b', 2);
    store.put('a', 3);
    store.delete('b');
    expect(store.takeChanges()).toEqual([
      { key: 'a', value: 3 },
      { key: 'b', value: null },
    ]);
    expect(store.takeChanges()).toEqual([]);
  });

  it('undoes the writes after a savepoint, restoring earlier values and absences', () => {
    const store = new RecordingStore('s', new InMemoryKeyValueStore());
    store.put('kept', 'yes');
    const savepoint = store.savepoint();
    store.put('kept', 'changed');
    store.put('new', 1);
    store.delete('kept');
    store.rollbackTo(savepoint);
    expect([...store.range()]).toEqual([['kept', 'yes']]);
  });

  it('does not send restored entries back to the changelog', () => {
    const store = new RecordingStore('s', new InMemoryKeyValueStore());
    store.restore('a', { count: 1 });
    store.restore('b', null);
    expect(store.get('a')).toEqual({ count: 1 });
    expect(store.takeChanges()).toEqual([]);
  });

  it('keeps local entries out of the changelog, and undoes them like any write', () => {
    const store = new RecordingStore('s', new InMemoryKeyValueStore());
    store.put('a', 1);
    const savepoint = store.savepoint();
    store.putLocal('~index:a', 1);
    store.rollbackTo(savepoint);
    expect(store.get('~index:a')).toBeUndefined();
    store.putLocal('~index:a', 2);
    expect(store.takeChanges()).toEqual([{ key: 'a', value: 1 }]);
    expect(store.get('~index:a')).toBe(2);
  });

  it('keeps what a restore overwrote only while a marker says local entries need it, and only so many', () => {
    const unmarked = new RecordingStore('s', new InMemoryKeyValueStore());
    unmarked.restore('a', 1);
    expect(unmarked.takeRestored()).toEqual({ kind: 'known', marker: undefined, previous: new Map() });
    const inner = new InMemoryKeyValueStore();
    inner.put(LOCAL_MARKER_KEY, 'm');
    inner.put('a', 0);
    const marked = new RecordingStore('s', inner);
    marked.restore('a', 1);
    marked.restore('a', 2);
    expect(marked.takeRestored()).toEqual({ kind: 'known', marker: 'm', previous: new Map([['a', 0]]) });
    inner.put(LOCAL_MARKER_KEY, 'm');
    const flooded = new RecordingStore('s', inner);
    for (let i = 0; i <= 100_000; i++) flooded.restore(`k${i}`, i);
    expect(flooded.takeRestored()).toEqual({ kind: 'too-many' });
  });

  it('keeps keys in order for ranges and tracks its size in bytes roughly', () => {
    const store = new InMemoryKeyValueStore<string>();
    for (const key of ['c', 'a', 'd', 'b']) store.put(key, key.repeat(10));
    expect([...store.range('b', 'd')].map(([key]) => key)).toEqual(['b', 'c']);
    const before = store.approxBytes();
    store.delete('a');
    expect(store.approxBytes()).toBeLessThan(before);
    expect(store.size()).toBe(3);
  });
});
