// The upsert table kept in the window node's store, under the changelog's own keys
// (`row:<id>` → the row entry). The store is changelogged by the engine, so the
// table needs no changelog of its own; on Kafka the store is LMDB, so the rows
// live on disk and only the rows still inside a sliding window are on the heap.
import type { LocalEntries } from '../../engine/recording-store.ts';
import type { KeyValueStore } from '../../engine/store.ts';
import type { Row } from './row.ts';
import { type RebuildSource, RowIndex } from './row-index.ts';
import { type RowTable, rowEntry } from './row-table.ts';
import type { TrackedFields, TrackedValue } from './tracked-fields.ts';
import { changelogKey, parseChangelogEntry, type WindowChangelogEntry } from './window-changelog.ts';

const PREFIX = 'row:';
/** The first string after every `row:` key: ':' + 1. */
const AFTER_PREFIX = 'row;';

export class StoreRowTable implements RowTable {
  private readonly index: RowIndex | undefined;
  /** The row get() read last: the operator reads a row just before it replaces it, and the index needs it. */
  private lastRead: { id: string; row: Row | undefined } | undefined;

  /** With `tracked`, and a store that keeps local entries, the table keeps an index (row-index.ts) for fast starts. */
  constructor(
    private readonly store: KeyValueStore,
    private readonly onUnreadable: (message: string) => void,
    tracked?: TrackedFields,
  ) {
    this.index = tracked && hasLocalEntries(store) ? new RowIndex(store, tracked, (stored) => this.parseQuietly(stored)) : undefined;
  }

  get(id: string): Row | undefined {
    const stored = this.store.get(PREFIX + id);
    const row = stored === undefined ? undefined : this.parse(stored);
    this.lastRead = { id, row };
    return row;
  }

  set(row: Row): void {
    const entry = rowEntry(row.id, row);
    this.index?.replace(this.previous(row.id), row);
    this.store.put(changelogKey(entry), entry);
  }

  delete(id: string): void {
    const previous = this.previous(id);
    if (previous === undefined && this.store.get(PREFIX + id) === undefined) return;
    this.index?.replace(previous, undefined);
    this.store.delete(PREFIX + id);
  }

  openIndex(heldFrom: number): RebuildSource | undefined {
    return this.index?.open(heldFrom);
  }

  buildIndex(heldFrom: number): { add(row: Row): void; finish(): void } | undefined {
    return this.index?.build(heldFrom);
  }

  advanceIndex(heldFrom: number): void {
    this.index?.advance(heldFrom);
  }

  private previous(id: string): Row | undefined {
    const read = this.lastRead;
    this.lastRead = undefined;
    if (read?.id === id) return read.row;
    if (!this.index) return undefined;
    const stored = this.store.get(PREFIX + id);
    return stored === undefined ? undefined : this.parse(stored);
  }

  *rows(): Iterable<Row> {
    for (const [, stored] of this.store.range(PREFIX, AFTER_PREFIX)) {
      const row = this.parse(stored);
      if (row) yield row;
    }
  }

  size(): number {
    let count = 0;
    for (const _ of this.store.range(PREFIX, AFTER_PREFIX)) count++;
    return count;
  }

  drainChanges(): WindowChangelogEntry[] {
    return [];
  }

  restore(id: string, row: Row | null): void {
    if (row) this.set(row);
    else this.delete(id);
  }

  /** A value the index wrote or a restore overwrote: unreadable ones are simply not rows. */
  private parseQuietly(stored: unknown): Row | undefined {
    return stored === undefined ? undefined : this.parse(stored, () => {});
  }

  /** Restoring reads every row once: the well-formed ones become rows without the copies a full parse makes. */
  private parse(stored: unknown, onUnreadable = this.onUnreadable): Row | undefined {
    const entry = stored as StoredRow | undefined;
    const row = entry?.row;
    if (entry?.kind === 'row' && typeof entry.id === 'string' && row && isRowShape(row)) {
      const { id } = entry;
      return row.appendOnly === true
        ? { id, key: row.key, t: row.t, values: row.values, appendOnly: true }
        : { id, key: row.key, t: row.t, values: row.values };
    }
    const parsed = parseChangelogEntry(stored);
    if (parsed.ok && parsed.entry.kind === 'row') return parsed.entry.row ? { id: parsed.entry.id, ...parsed.entry.row } : undefined;
    onUnreadable(parsed.ok ? `not a row entry: ${parsed.entry.kind}` : parsed.message);
    return undefined;
  }
}

interface StoredRow {
  kind?: unknown;
  id?: unknown;
  row?: { key?: unknown; t?: unknown; values?: unknown; appendOnly?: unknown } | null;
}

function isRowShape(row: NonNullable<StoredRow['row']>): row is { key: string; t: number; values: TrackedValue[]; appendOnly?: unknown } {
  return (
    typeof row.key === 'string' &&
    typeof row.t === 'number' &&
    Array.isArray(row.values) &&
    row.values.every((value) => value === null || typeof value === 'number')
  );
}

function hasLocalEntries(store: KeyValueStore): store is KeyValueStore & LocalEntries {
  const candidate = store as Partial<LocalEntries>;
  return (
    typeof candidate.putLocal === 'function' && typeof candidate.deleteLocal === 'function' && typeof candidate.takeRestored === 'function'
  );
}
