// Where this process keeps its tasks' stores on disk: one LMDB environment per task
// instance under <root>/<owner>/<task>.<n>, one named database per store. `owner`
// is this process (pid + random), so two workers on one machine never share files;
// folders of processes that are gone are removed when the next one starts.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { open, type RootDatabase } from 'lmdb';
import { isAlive } from '../local/process-alive.ts';
import { LmdbKeyValueStore } from './lmdb-store.ts';

export class StateDirectory {
  private readonly folder: string;
  private readonly open = new Set<TaskStores>();
  private opened = 0;

  constructor(root: string) {
    removeAbandoned(root);
    this.folder = join(root, `${process.pid}-${randomBytes(4).toString('hex')}`);
    mkdirSync(this.folder, { recursive: true });
  }

  /** A fresh folder for one instance of a task: a task rebuilt after a failure never shares files with its predecessor. */
  openTask(taskId: string): TaskStores {
    const stores = new TaskStores(join(this.folder, `${taskId}.${++this.opened}`), (closed) => this.open.delete(closed));
    this.open.add(stores);
    return stores;
  }

  async close(): Promise<void> {
    for (const stores of [...this.open]) await stores.close();
    rmSync(this.folder, { recursive: true, force: true });
  }
}

/** One LMDB environment: the stores of one task instance, one named database each. */
export class TaskStores {
  private environment: RootDatabase | undefined;

  constructor(
    private readonly folder: string,
    private readonly onClose: (stores: TaskStores) => void,
  ) {}

  openStore(name: string): LmdbKeyValueStore {
    // noSync: the changelog, not these files, is what survives a crash.
    if (!this.environment) {
      mkdirSync(this.folder, { recursive: true });
      this.environment = open({ path: join(this.folder, 'stores.mdb'), noSync: true, maxDbs: 64, compression: false });
    }
    return new LmdbKeyValueStore(this.environment.openDB<unknown, string>(name, { compression: false }));
  }

  async close(): Promise<void> {
    this.onClose(this);
    const environment = this.environment;
    this.environment = undefined;
    await environment?.close();
    rmSync(this.folder, { recursive: true, force: true });
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
