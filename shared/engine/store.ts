// State stores: synchronous on purpose, so an LMDB-backed store (whose reads are
// synchronous) fits the same interface. Values must be JSON-serialisable: every
// write goes to a compacted changelog topic, the store's source of truth.

export interface KeyValueStore<V = unknown> {
  get(key: string): V | undefined;
  put(key: string, value: V): void;
  delete(key: string): void;
  /** Entries with from <= key < to (either bound optional), in ascending key order. */
  range(from?: string, to?: string): Iterable<[string, V]>;
  /** Every entry, in no particular order: cheaper than range() when order does not matter. */
  entries(): Iterable<[string, V]>;
  size(): number;
  /** A rough count of the bytes the entries take: for the KEYS/BYTES metrics, not for accounting. */
  approxBytes(): number;
  /** Writes buffered writes through; a task calls it once per batch. Stores that buffer nothing leave it out. */
  flush?(): void;
}

/** A cheap size estimate, walking the value like JSON.stringify would without building the string. */
export function approximateBytes(value: unknown): number {
  if (value === null || value === undefined) return 4;
  switch (typeof value) {
    case 'string':
      return value.length + 2;
    case 'number':
    case 'bigint':
      return 8;
    case 'boolean':
      return 4;
    case 'object': {
      // Plain loops: this runs on every store write, and Object.entries built an array per object walked.
      let sum = 2;
      if (Array.isArray(value)) {
        for (let index = 0; index < value.length; index++) if (index in value) sum += approximateBytes(value[index]) + 1;
        return sum;
      }
      const fields = value as Record<string, unknown>;
      for (const field in fields) if (Object.hasOwn(fields, field)) sum += field.length + 3 + approximateBytes(fields[field]);
      return sum;
    }
    default:
      return 0;
  }
}

export class InMemoryKeyValueStore<V = unknown> implements KeyValueStore<V> {
  private readonly data = new Map<string, { value: V; bytes: number }>();
  private bytes = 0;

  get(key: string): V | undefined {
    return this.data.get(key)?.value;
  }

  put(key: string, value: V): void {
    const bytes = key.length + approximateBytes(value);
    this.bytes += bytes - (this.data.get(key)?.bytes ?? 0);
    this.data.set(key, { value, bytes });
  }

  delete(key: string): void {
    this.bytes -= this.data.get(key)?.bytes ?? 0;
    this.data.delete(key);
  }

  *range(from?: string, to?: string): Iterable<[string, V]> {
    const keys = [...this.data.keys()].filter((key) => (from === undefined || key >= from) && (to === undefined || key < to));
    keys.sort();
    for (const key of keys) {
      const entry = this.data.get(key);
      if (entry) yield [key, entry.value];
    }
  }

  *entries(): Iterable<[string, V]> {
    for (const [key, entry] of this.data) yield [key, entry.value];
  }

  size(): number {
    return this.data.size;
  }

  approxBytes(): number {
    return this.bytes;
  }
}
