// The stores' writes reach LMDB before the batch's Kafka transaction commits (a batch
// reads its own writes, and a large one is flushed part way). So that the files always
// match a checkpoint, every key's value before its first write since the last
// checkpoint is journaled in the same LMDB transaction as the write. A checkpoint
// (after the commit) empties the journal; opening files whose journal is not empty
// (a crash, or a commit that failed) puts those values back: the stores are then
// exactly as of the checkpoint, and the changelog's tail from there brings them up
// to date, the uncommitted batch's changes included only if its transaction committed.
import type { Database } from 'lmdb';

/** What a key held before: absent, or this value. */
type BeforeImage = { absent: true } | { value: unknown };

const SEPARATOR = '\u0000';

export class UndoJournal {
  private readonly journaled = new Set<string>();
  /** Off while a restore fills the stores: what it writes is committed state already. */
  suspended = true;

  constructor(private readonly db: Database<BeforeImage, string>) {}

  /** Call inside the LMDB transaction that writes `key` of `store`, before the write. */
  before(store: string, key: string, read: () => unknown): void {
    if (this.suspended) return;
    const entry = `${store}${SEPARATOR}${key}`;
    if (this.journaled.has(entry)) return;
    this.journaled.add(entry);
    const current = read();
    this.db.putSync(entry, current === undefined ? { absent: true } : { value: current });
  }

  /** The checkpoint is written: nothing before it needs undoing. Call inside that LMDB transaction. */
  clear(): void {
    this.db.clearSync();
    this.journaled.clear();
  }

  /** Puts back every journaled value, store by store; returns how many keys were undone. */
  undo(stores: Map<string, Database<unknown, string>>): number {
    let undone = 0;
    for (const { key: entry, value: image } of this.db.getRange()) {
      const split = entry.indexOf(SEPARATOR);
      const db = stores.get(entry.slice(0, split));
      if (!db) continue;
      const key = entry.slice(split + 1);
      if ('absent' in image) db.removeSync(key);
      else db.putSync(key, image.value);
      undone++;
    }
    this.clear();
    return undone;
  }
}
