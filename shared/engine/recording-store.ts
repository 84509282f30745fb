// Wraps a task's store so that every write of the current batch is known (for
// the changelog, written in the same transaction as the outputs) and so that the
// writes of one failed operator call can be undone before its record goes to the DLQ.
import type { KeyValueStore } from './store.ts';

export interface StoreChange {
  key: string;
  /** null is a delete: a tombstone in the changelog. */
  value: unknown | null;
}

/**
 * The key under which a store's owner marks its local entries (putLocal) as matching the changelogged ones.
 * A restore removes it (see restore), so local entries a restore may have outdated are never taken as current.
 */
export const LOCAL_MARKER_KEY = '~local';
/** Past this many restored keys the previous values are not kept: the owner rebuilds its local entries in full. */
const RESTORED_KEPT_AT_MOST = 100_000;

/** What the restores since the store was made overwrote: for an owner to bring its local entries up to date. */
export type RestoredChanges =
  | { kind: 'known'; marker: unknown; previous: Map<string, unknown> }
  /** Too many keys were restored to keep their previous values (a full restore, say). */
  | { kind: 'too-many' };

/** A store that keeps entries of its own beside the changelogged ones (RecordingStore). */
export interface LocalEntries {
  putLocal(key: string, value: unknown): void;
  deleteLocal(key: string): void;
  takeRestored(): RestoredChanges;
}

interface UndoEntry {
  key: string;
  previous: unknown;
  existed: boolean;
}

export class RecordingStore implements KeyValueStore, LocalEntries {
  private readonly dirty = new Set<string>();
  private readonly journal: UndoEntry[] = [];
  private restored: RestoredChanges | undefined;

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

  /**
   * An entry derived from the changelogged ones (an index, say), kept beside them in the store, never written to
   * the changelog: a restore from the changelog alone does not bring it back. Undone like any write.
   */
  putLocal(key: string, value: unknown): void {
    this.rememberForUndo(key);
    this.inner.put(key, value);
  }

  deleteLocal(key: string): void {
    this.rememberForUndo(key);
    this.inner.delete(key);
  }

  /**
   * The marker and the values the restores overwrote, once (then forgotten). The first restore into a store
   * with a marker removes it from the store, so a crash before the owner has updated its local entries leaves
   * none marked current.
   */
  takeRestored(): RestoredChanges {
    const restored = this.restored ?? { kind: 'known', marker: this.inner.get(LOCAL_MARKER_KEY), previous: new Map() };
    this.restored = undefined;
    return restored;
  }

  /** Restores write straight to the store: they come from the changelog and must not go back to it. */
  restore(key: string, value: unknown | null): void {
    this.keepRestored(key);
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
    this.rememberForUndo(key);
    this.dirty.add(key);
  }

  private rememberForUndo(key: string): void {
    const previous = this.inner.get(key);
    this.journal.push({ key, previous, existed: previous !== undefined });
  }

  private keepRestored(key: string): void {
    if (this.restored === undefined) {
      const marker = this.inner.get(LOCAL_MARKER_KEY);
      if (marker !== undefined) this.inner.delete(LOCAL_MARKER_KEY);
      this.restored = { kind: 'known', marker, previous: new Map() };
    }
    const restored = this.restored;
    // Without a marker there is nothing to update: the owner rebuilds its local entries anyway.
    if (restored.kind !== 'known' || restored.marker === undefined || restored.previous.has(key)) return;
    if (restored.previous.size >= RESTORED_KEPT_AT_MOST) this.restored = { kind: 'too-many' };
    else restored.previous.set(key, this.inner.get(key));
  }
}
