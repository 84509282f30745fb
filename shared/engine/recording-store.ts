// Wraps a task's store so that every write of the current batch is known (for
// the changelog, written in the same transaction as the outputs) and so that the
// writes of one failed operator call can be undone before its record goes to the DLQ.
import type { KeyValueStore } from './store.ts';

export interface StoreChange {
  key: string;
  /** null is a delete: a tombstone in the changelog. */
  value: unknown | null;
}

interface UndoEntry {
  key: string;
  previous: unknown;
  existed: boolean;
}

export class RecordingStore implements KeyValueStore {
  private readonly dirty = new Set<string>();
  private readonly journal: UndoEntry[] = [];

  constructor(
    readonly name: string,
    private readonly inner: KeyValueStore,
  ) {}

  get(key: string): unknown {
    return this.inner.get(key);
  }

  put(key: string, value: unknown): void {
    this.remember(key);
    this.inner.put(key, value);
  }

  delete(key: string): void {
    this.remember(key);
    this.inner.delete(key);
  }

  range(from?: string, to?: string): Iterable<[string, unknown]> {
    return this.inner.range(from, to);
  }

  entries(): Iterable<[string, unknown]> {
    return this.inner.entries();
  }

  size(): number {
    return this.inner.size();
  }

  approxBytes(): number {
    return this.inner.approxBytes();
  }

  flush(): void {
    this.inner.flush?.();
  }

  /** Restores write straight to the store: they come from the changelog and must not go back to it. */
  restore(key: string, value: unknown | null): void {
    if (value === null) this.inner.delete(key);
    else this.inner.put(key, value);
  }

  savepoint(): number {
    return this.journal.length;
  }

  rollbackTo(savepoint: number): void {
    while (this.journal.length > savepoint) {
      const entry = this.journal.pop();
      if (!entry) break;
      if (entry.existed) this.inner.put(entry.key, entry.previous);
      else this.inner.delete(entry.key);
    }
  }

  /** The call that made the writes succeeded: nothing before this point will be undone. */
  forgetUndo(): void {
    this.journal.length = 0;
  }

  /** The final value of every key written since the last call: compaction keeps only the last anyway. */
  takeChanges(): StoreChange[] {
    const changes: StoreChange[] = [];
    for (const key of this.dirty) changes.push({ key, value: this.inner.get(key) ?? null });
    this.dirty.clear();
    this.journal.length = 0;
    return changes;
  }

  private remember(key: string): void {
    const previous = this.inner.get(key);
    this.journal.push({ key, previous, existed: previous !== undefined });
    this.dirty.add(key);
  }
}
