// A task's store on local disk (LMDB): state that outgrows memory, such as one
// entry per record ever seen, lives in memory-mapped pages instead of the heap.
// The changelog stays the source of truth: the files need no durability (noSync);
// they survive a restart with a checkpoint of the changelog offsets they reflect
// (state-directory.ts), and the journal (undo-journal.ts) keeps them matching it.
//
// The engine's store interface is synchronous and a batch reads its own writes,
// so writes collect in `pending` and go to LMDB in one synchronous transaction
// per batch (flush) or every FLUSH_AT writes, whichever comes first.
import type { Database } from 'lmdb';
import type { KeyValueStore } from '../../shared/engine/store.ts';
import type { UndoJournal } from './undo-journal.ts';

const DELETED = Symbol('deleted');
const FLUSH_AT = 10_000;

type Pending = Map<string, unknown>;

export class LmdbKeyValueStore implements KeyValueStore {
  private readonly pending: Pending = new Map();

  constructor(
    readonly db: Database<unknown, string>,
    private readonly journal?: { name: string; undo: UndoJournal },
  ) {}

  get(key: string): unknown {
    const written = this.pending.get(key);
    if (written === DELETED) return undefined;
    return written !== undefined ? written : this.db.get(key);
  }

  put(key: string, value: unknown): void {
    this.pending.set(key, value);
    if (this.pending.size >= FLUSH_AT) this.flush();
  }

  delete(key: string): void {
    this.pending.set(key, DELETED);
    if (this.pending.size >= FLUSH_AT) this.flush();
  }

  *range(from?: string, to?: string): Iterable<[string, unknown]> {
    this.flush();
    for (const { key, value } of this.db.getRange({ start: from, end: to })) yield [key, value];
  }

  entries(): Iterable<[string, unknown]> {
    return this.range();
  }

  size(): number {
    this.flush();
    return (this.db.getStats() as LmdbStats).entryCount;
  }

  /** The pages the entries occupy on disk (and, when hot, in the page cache), not heap. */
  approxBytes(): number {
    this.flush();
    const stats = this.db.getStats() as LmdbStats;
    return (stats.treeBranchPageCount + stats.treeLeafPageCount + stats.overflowPages) * stats.pageSize;
  }

  /** Writes what the batch wrote; reads after it see the same values, now from LMDB. */
  flush(): void {
    if (this.pending.size === 0) return;
    const journal = this.journal;
    this.db.transactionSync(() => {
      for (const [key, value] of this.pending) {
        journal?.undo.before(journal.name, key, () => this.db.get(key));
        if (value === DELETED) this.db.removeSync(key);
        else this.db.putSync(key, value);
      }
    });
    this.pending.clear();
  }
}

interface LmdbStats {
  entryCount: number;
  pageSize: number;
  treeBranchPageCount: number;
  treeLeafPageCount: number;
  overflowPages: number;
}
