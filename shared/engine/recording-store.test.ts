import { describe, expect, it } from 'vitest';
import { RecordingStore } from './recording-store.ts';
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
