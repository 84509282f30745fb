// The upsert table: the current version of every record a window has seen, by id.
// The pure operator keeps it in a Map; the engine adapter (../window.ts) keeps it in
// the node's store instead, which the Kafka driver holds on disk (LMDB): one entry
// per review ever seen must not have to fit on the heap.
import type { Row } from './row.ts';
import type { RebuildSource } from './row-index.ts';
import type { WindowChangelogEntry } from './window-changelog.ts';

export interface RowTable {
  get(id: string): Row | undefined;
  set(row: Row): void;
  delete(id: string): void;
  /** Every row, in no particular order. */
  rows(): Iterable<Row>;
  size(): number;
  /** The row entries to write to the changelog since the last call; a table that is its own changelog has none. */
  drainChanges(): WindowChangelogEntry[];
  /** A row read back from the changelog: held, but not a change to write again. */
  restore(id: string, row: Row | null): void;
  /** A table with an index (row-index.ts) says where a rebuild can start without reading every row; undefined: read them all. */
  openIndex?(heldFrom: number): RebuildSource | undefined;
  /** Builds the index of a table that keeps one from the rows given (all of them), during a full rebuild. */
  buildIndex?(heldFrom: number): { add(row: Row): void; finish(): void } | undefined;
  /** The clock moved: the index may move rows no sliding window holds any more out of its live rows. */
  advanceIndex?(heldFrom: number): void;
}

/** The written form of a row, shared by the changelog and the store-backed table. */
export function rowEntry(id: string, row: Row | undefined): Extract<WindowChangelogEntry, { kind: 'row' }> {
  if (!row) return { kind: 'row', id, row: null };
  const written = { key: row.key, t: row.t, values: [...row.values] };
  return { kind: 'row', id, row: row.appendOnly ? { ...written, appendOnly: true } : written };
}

export class MemoryRowTable implements RowTable {
  private readonly table = new Map<string, Row>();
  private readonly dirty = new Set<string>();
  /** Rows created since the last drain: deleting one again before the drain writes nothing at all. */
  private readonly undrained = new Set<string>();

  get(id: string): Row | undefined {
    return this.table.get(id);
  }

  set(row: Row): void {
    if (!this.table.has(row.id) && !this.dirty.has(row.id)) this.undrained.add(row.id);
    this.table.set(row.id, row);
    this.dirty.add(row.id);
  }

  delete(id: string): void {
    this.table.delete(id);
    if (this.undrained.delete(id)) this.dirty.delete(id);
    else this.dirty.add(id);
  }

  rows(): Iterable<Row> {
    return this.table.values();
  }

  size(): number {
    return this.table.size;
  }

  drainChanges(): WindowChangelogEntry[] {
    const entries = [...this.dirty].map((id) => rowEntry(id, this.table.get(id)));
    this.dirty.clear();
    this.undrained.clear();
    return entries;
  }

  restore(id: string, row: Row | null): void {
    if (row) this.table.set(id, row);
    else this.table.delete(id);
  }
}
