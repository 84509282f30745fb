// What a window needs to start without reading every row it ever saw: the rows
// table (`row:<id>`, changelogged) holds a million reviews, but after a start only
// the rows inside a sliding window (or not yet due) are held on the heap; the rest
// only add to all-time. So the store also keeps, as local entries (never
// changelogged, see RecordingStore.putLocal):
//   ~aged:<key>  the all-time totals of the key's rows at or before the horizon
//   ~live:<id>   every other row, as [key, t, appendOnly ? 1 : 0, ...values]: an array
//                decodes several times faster than the row entry's object
//   ~local       the marker: this format's version and the horizon
// The horizon is at or before (clock − the largest sliding window) when set, and the
// clock never steps back, so an aged row can never be in a sliding window again:
// rebuilding from the aged totals and the live rows gives what rebuilding from every
// row gives. An edit or delete of an aged row retracts it from its key's totals.
//
// The entries are kept in step with every row written. A restore from the changelog
// writes rows behind their back: the store hands over the values it overwrote
// (takeRestored) and the index replays those changes; when it cannot (too many, or
// no marker: a full restore, files of an older version) the window reads every row
// and builds the index afresh. Layouts with bucketed windows keep no index.
import { LOCAL_MARKER_KEY as LOCAL_MARKER, type LocalEntries } from '../../engine/recording-store.ts';
import type { KeyValueStore } from '../../engine/store.ts';
import { Accumulator, type AccumulatorSnapshot } from './accumulator.ts';
import type { Row } from './row.ts';
import type { TrackedFields, TrackedValue } from './tracked-fields.ts';

const VERSION = 1;
const LIVE = '~live:';
const AFTER_LIVE = '~live;';
const AGED = '~aged:';
const AFTER_AGED = '~aged;';
const ROW = 'row:';
/** How far the clock moves before live rows are moved again (a scan of the live rows each time). */
const MOVE_EVERY_MS = 86_400_000;

export type IndexedStore = KeyValueStore & LocalEntries;

/** Where a rebuild starts: each key's aged totals and the rows still to insert one by one. */
export interface RebuildSource {
  aged: [string, AccumulatorSnapshot][];
  live: Row[];
}

export class RowIndex {
  /** Undefined until the index is known to match the rows (opened or built): until then nothing is kept in step. */
  private horizon: number | undefined;

  constructor(
    private readonly store: IndexedStore,
    private readonly tracked: TrackedFields,
    /** Reads a stored row entry (row:<id> or a live copy) back into a row. */
    private readonly parseRow: (stored: unknown) => Row | undefined,
  ) {}

  /** A row changed from `previous` to `next` (either absent): the index follows. */
  replace(previous: Row | undefined, next: Row | undefined): void {
    if (this.horizon === undefined) return;
    if (previous) this.remove(previous);
    if (next) this.add(next);
  }

  /**
   * The index as of now, with the restored rows' changes replayed and live rows at or before `heldFrom` moved into
   * the aged totals; undefined when it cannot be trusted: then rebuild from every row through build().
   */
  open(heldFrom: number): RebuildSource | undefined {
    const restored = this.store.takeRestored();
    const horizon = restored.kind === 'known' ? horizonOf(restored.marker) : undefined;
    if (restored.kind !== 'known' || horizon === undefined) return undefined;
    this.horizon = horizon;
    for (const [key, previous] of restored.previous) {
      if (!key.startsWith(ROW)) continue;
      this.replace(this.parseRow(previous), this.parseRow(this.store.get(key)));
    }
    const live: Row[] = [];
    const aging: Row[] = [];
    for (const [key, stored] of this.store.range(LIVE, AFTER_LIVE)) {
      const row = liveRow(key, stored);
      if (!row) return this.forget();
      if (row.t <= heldFrom && !row.appendOnly) aging.push(row);
      else live.push(row);
    }
    this.moveHorizon(heldFrom, aging);
    const aged: [string, AccumulatorSnapshot][] = [];
    for (const [stored, totals] of this.store.range(AGED, AFTER_AGED)) {
      if (!isSnapshot(totals)) return this.forget();
      aged.push([stored.slice(AGED.length), totals]);
    }
    return { aged, live };
  }

  /** Replaces whatever index there was with one of the rows given to the builder (every row of the table). */
  build(heldFrom: number): { add(row: Row): void; finish(): void } {
    this.clear();
    const totals = new Map<string, Accumulator>();
    return {
      add: (row) => {
        if (row.t > heldFrom || row.appendOnly) this.store.putLocal(LIVE + row.id, stored(row));
        else this.totalsOf(totals, row.key).add(row.values);
      },
      finish: () => {
        for (const [key, accumulator] of totals) this.store.putLocal(AGED + key, accumulator.snapshot());
        this.horizon = heldFrom;
        this.store.putLocal(LOCAL_MARKER, { version: VERSION, horizon: heldFrom });
      },
    };
  }

  /**
   * Moves the live rows no sliding window can hold any more into the aged totals, at most once per MOVE_EVERY_MS
   * of the clock: a worker that runs for months would otherwise keep every row since its start live.
   */
  advance(heldFrom: number): void {
    if (this.horizon === undefined || !Number.isFinite(heldFrom) || heldFrom - this.horizon < MOVE_EVERY_MS) return;
    const aging: Row[] = [];
    for (const [key, stored] of this.store.range(LIVE, AFTER_LIVE)) {
      const row = liveRow(key, stored);
      if (row && row.t <= heldFrom && !row.appendOnly) aging.push(row);
    }
    this.moveHorizon(heldFrom, aging);
  }

  private moveHorizon(heldFrom: number, aging: Row[]): void {
    const totals = new Map<string, Accumulator>();
    for (const row of aging) {
      this.totalsOf(totals, row.key, true).add(row.values);
      this.store.deleteLocal(LIVE + row.id);
    }
    for (const [key, accumulator] of totals) this.store.putLocal(AGED + key, accumulator.snapshot());
    this.horizon = Math.max(this.horizon ?? heldFrom, heldFrom);
    this.store.putLocal(LOCAL_MARKER, { version: VERSION, horizon: this.horizon });
  }

  private add(row: Row): void {
    if (this.isAged(row)) this.changeTotals(row, (accumulator) => accumulator.add(row.values));
    else this.store.putLocal(LIVE + row.id, stored(row));
  }

  private remove(row: Row): void {
    if (this.isAged(row)) this.changeTotals(row, (accumulator) => accumulator.retract(row.values));
    else this.store.deleteLocal(LIVE + row.id);
  }

  private isAged(row: Row): boolean {
    return !row.appendOnly && this.horizon !== undefined && row.t <= this.horizon;
  }

  private changeTotals(row: Row, change: (accumulator: Accumulator) => void): void {
    const accumulator = this.loadTotals(row.key);
    change(accumulator);
    if (accumulator.count === 0) this.store.deleteLocal(AGED + row.key);
    else this.store.putLocal(AGED + row.key, accumulator.snapshot());
  }

  private totalsOf(totals: Map<string, Accumulator>, key: string, fromStore = false): Accumulator {
    let accumulator = totals.get(key);
    if (!accumulator) {
      accumulator = fromStore ? this.loadTotals(key) : new Accumulator(this.tracked);
      totals.set(key, accumulator);
    }
    return accumulator;
  }

  private loadTotals(key: string): Accumulator {
    const accumulator = new Accumulator(this.tracked);
    const written = this.store.get(AGED + key);
    if (isSnapshot(written)) accumulator.absorb(written);
    return accumulator;
  }

  /** Removes every local entry of the index: until built again, nothing is kept in step. */
  private clear(): void {
    const keys = [LOCAL_MARKER];
    for (const [key] of this.store.range(LIVE, AFTER_LIVE)) keys.push(key);
    for (const [key] of this.store.range(AGED, AFTER_AGED)) keys.push(key);
    for (const key of keys) if (this.store.get(key) !== undefined) this.store.deleteLocal(key);
    this.horizon = undefined;
  }

  private forget(): undefined {
    this.clear();
    return undefined;
  }
}

function stored(row: Row): unknown[] {
  return [row.key, row.t, row.appendOnly ? 1 : 0, ...row.values];
}

function liveRow(storeKey: string, stored: unknown): Row | undefined {
  if (!Array.isArray(stored) || stored.length < 3) return undefined;
  const [key, t, appendOnly] = stored as unknown[];
  if (typeof key !== 'string' || typeof t !== 'number') return undefined;
  const values: TrackedValue[] = [];
  for (let index = 3; index < stored.length; index++) {
    const value: unknown = stored[index];
    if (value !== null && typeof value !== 'number') return undefined;
    values.push(value);
  }
  const id = storeKey.slice(LIVE.length);
  return appendOnly === 1 ? { id, key, t, values, appendOnly: true } : { id, key, t, values };
}

function horizonOf(marker: unknown): number | undefined {
  if (typeof marker !== 'object' || marker === null) return undefined;
  const { version, horizon } = marker as { version?: unknown; horizon?: unknown };
  return version === VERSION && typeof horizon === 'number' ? horizon : undefined;
}

function isSnapshot(value: unknown): value is AccumulatorSnapshot {
  const snapshot = value as Partial<AccumulatorSnapshot> | undefined;
  return typeof snapshot?.count === 'number' && Array.isArray(snapshot.fields);
}
