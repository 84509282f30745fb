// Where this process keeps its tasks' stores on disk: one LMDB environment per task
// under <root>/tasks/<task>, one named database per store, kept across restarts
// with a checkpoint of the changelog offsets it reflects, so that a restarted (or
// SIGKILLed and replaced) worker restores only the changelog's tail. The folder is
// locked while a task instance has it open (task-lock.ts); an instance that finds it
// held (another worker on this machine, or an instance of the same task still
// closing here) gets a fresh folder of this process instead, restored in full and
// removed when it closes. Those live under <root>/<pid>-<random>; folders of
// processes that are gone are removed when the next one starts.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type Database, open, type RootDatabase } from 'lmdb';
import { isAlive } from '../local/process-alive.ts';
import { type Checkpoint, parseCheckpoint, storedCheckpoint } from './checkpoint.ts';
import { lmdbFileLooksSound } from './lmdb-file.ts';
import { LmdbKeyValueStore } from './lmdb-store.ts';
import { lockFolder } from './task-lock.ts';
import { UndoJournal } from './undo-journal.ts';

export class StateDirectory {
  private readonly processFolder: string;
  private readonly open = new Set<TaskStores>();
  private opened = 0;

  constructor(private readonly root: string) {
    removeAbandoned(root);
    this.processFolder = join(root, `${process.pid}-${randomBytes(4).toString('hex')}`);
  }

  /** The task's kept folder when it is free, else a fresh one that goes when the task closes. */
  openTask(taskId: string): TaskStores {
    const kept = join(this.root, 'tasks', taskId);
    mkdirSync(kept, { recursive: true });
    const release = lockFolder(kept);
    const forget = (closed: TaskStores) => this.open.delete(closed);
    const stores = release
      ? new TaskStores(kept, forget, release)
      : new TaskStores(join(this.processFolder, `${taskId}.${++this.opened}`), forget);
    this.open.add(stores);
    return stores;
  }

  /** Closes every task's files (kept ones stay on disk for the next start) and removes this process's own folder. */
  async close(): Promise<void> {
    for (const stores of [...this.open]) await stores.close();
    rmSync(this.processFolder, { recursive: true, force: true });
  }
}

const META_DB = '__sluice.meta';
const UNDO_DB = '__sluice.undo';
const CHECKPOINT_KEY = 'checkpoint';

/** One LMDB environment: the stores of one task, one named database each, and their checkpoint. */
export class TaskStores {
  private environment: RootDatabase | undefined;
  private meta: Database<unknown, string> | undefined;
  private journal: UndoJournal | undefined;
  private readonly stores = new Map<string, LmdbKeyValueStore>();

  /** `release` is given for a kept (locked) folder; without it the folder is this instance's alone and goes with it. */
  constructor(
    private readonly folder: string,
    private readonly onClose: (stores: TaskStores) => void,
    private readonly release?: () => void,
  ) {}

  /** Whether the files outlive this instance, so that a checkpoint means something. */
  get kept(): boolean {
    return this.release !== undefined;
  }

  openStore(name: string): LmdbKeyValueStore {
    const environment = this.env();
    const store = new LmdbKeyValueStore(environment.openDB<unknown, string>(name, { compression: false }), {
      name,
      undo: this.undoJournal(),
    });
    this.stores.set(name, store);
    return store;
  }

  /**
   * What the files reflect: the checkpoint, after putting back the values a batch that never
   * reached its checkpoint changed (a crash, or a failed commit). Undefined when there is none
   * or it cannot be read; call discard() then.
   */
  checkpoint(): Checkpoint | undefined {
    const environment = this.env();
    const journal = this.undoJournal();
    const dbs = new Map([...this.stores].map(([name, store]) => [name, store.db]));
    environment.transactionSync(() => journal.undo(dbs));
    return parseCheckpoint(this.metaDb().get(CHECKPOINT_KEY));
  }

  /** Empties every store and forgets the checkpoint: a full restore follows. */
  discard(): void {
    this.env().transactionSync(() => {
      for (const store of this.stores.values()) store.db.clearSync();
      this.metaDb().removeSync(CHECKPOINT_KEY);
      this.undoJournal().clear();
    });
  }

  /** The stores now hold the changelogs up to `checkpoint.offsets` (after a restore, or a committed batch). */
  writeCheckpoint(checkpoint: Checkpoint): void {
    for (const store of this.stores.values()) store.flush();
    const journal = this.undoJournal();
    this.env().transactionSync(() => {
      this.metaDb().putSync(CHECKPOINT_KEY, storedCheckpoint(checkpoint));
      journal.clear();
    });
    journal.suspended = false;
  }

  async close(): Promise<void> {
    this.onClose(this);
    const environment = this.environment;
    this.environment = undefined;
    await environment?.close();
    if (this.release) this.release();
    else rmSync(this.folder, { recursive: true, force: true });
  }

  private env(): RootDatabase {
    if (this.environment) return this.environment;
    mkdirSync(this.folder, { recursive: true });
    const options = { path: join(this.folder, 'stores.mdb'), noSync: true, maxDbs: 64, compression: false };
    const startAfresh = () => {
      for (const entry of readdirSync(this.folder))
        if (entry !== 'LOCK') rmSync(join(this.folder, entry), { recursive: true, force: true });
    };
    // Files that LMDB cannot read (a torn copy, a foreign file): start them afresh, a full restore follows.
    if (!lmdbFileLooksSound(options.path)) startAfresh();
    try {
      this.environment = open(options);
    } catch {
      startAfresh();
      this.environment = open(options);
    }
    return this.environment;
  }

  private metaDb(): Database<unknown, string> {
    this.meta ??= this.env().openDB<unknown, string>(META_DB, { compression: false });
    return this.meta;
  }

  private undoJournal(): UndoJournal {
    this.journal ??= new UndoJournal(this.env().openDB(UNDO_DB, { compression: false }));
    return this.journal;
  }
}

function removeAbandoned(root: string): void {
  let entries: string[];
  try {
    entries = readdirSync(root);
  } catch {
    return;
  }
  for (const entry of entries) {
    const pid = Number(entry.split('-')[0]);
    if (Number.isInteger(pid) && pid > 0 && !isAlive(pid)) rmSync(join(root, entry), { recursive: true, force: true });
  }
}
