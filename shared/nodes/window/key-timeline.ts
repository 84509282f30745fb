// One key's all-time and sliding state.
//
// `rows` holds, sorted by (event time, id), every row that is still inside the
// largest sliding window or not yet due (event time > asOf), plus a prefix of
// already-expired rows waiting for compaction. Cursors split it:
//   [0, heads[i])            expired for sliding window i (t <= asOf − size_i)
//   [heads[i], admitted)     inside sliding window i     (asOf − size_i < t <= asOf)
//   [admitted, rows.length)  pending: future-dated, not counted anywhere yet
// Because a window is a contiguous time range, each window's members are a
// contiguous slice, and its boundary moves only forward as the clock does.
// All-time counts every row with t <= asOf (the batch's WHERE created_at <= asOf),
// including rows long gone from `rows`: it is a plain accumulator, O(1) per key.
// `rows` are columns (held-rows.ts), created on the first row a window holds.
import { Accumulator } from './accumulator.ts';
import { HeldRows } from './held-rows.ts';
import type { Row } from './row.ts';
import type { TrackedFields } from './tracked-fields.ts';

/** Rows dropped from the front at once: amortises the splice to O(1) per row. */
const COMPACT_AT = 32;
/** A shared empty array: an all-time-only node's keys have no sliding windows. Never mutated. */
const NONE: never[] = [];
/** Shared by every key holding no rows: never written to (`insert` swaps in a key's own first). */
const NO_ROWS = new HeldRows(0);

export class KeyTimeline {
  readonly allTime: Accumulator;
  readonly sliding: Accumulator[];
  private rows: HeldRows = NO_ROWS;
  private admitted = 0;
  private readonly heads: number[];

  constructor(
    private readonly tracked: TrackedFields,
    private readonly sizes: readonly number[],
    public asOf: number,
    source?: KeyTimeline,
  ) {
    this.allTime = source ? source.allTime.clone() : new Accumulator(tracked);
    this.sliding = sizes.length === 0 ? NONE : sizes.map((_, index) => source?.sliding[index]?.clone() ?? new Accumulator(tracked));
    this.heads = sizes.length === 0 ? NONE : source ? [...source.heads] : sizes.map(() => 0);
    if (source) {
      // A read-only what-if copy: it shares the rows and must never compact them.
      this.rows = source.rows;
      this.admitted = source.admitted;
    }
  }

  /** Counts a new row as of `asOf`; rows older than every sliding window only touch all-time. */
  insert(row: Row): void {
    if (row.t <= this.asOf) {
      this.allTime.add(row.values);
      if (!this.insideSomeWindow(row.t)) return;
    }
    if (this.rows === NO_ROWS) this.rows = new HeldRows(this.tracked.names.length);
    const index = this.rows.lowerBound(row.t, row.id);
    this.rows.insert(index, row);
    if (row.t > this.asOf) return;
    this.admitted += 1;
    this.sizes.forEach((size, window) => {
      if (row.t > this.asOf - size) this.sliding[window]?.add(row.values);
      else this.heads[window] = (this.heads[window] ?? 0) + 1;
    });
  }

  private insideSomeWindow(t: number): boolean {
    for (const size of this.sizes) if (t > this.asOf - size) return true;
    return false;
  }

  /** Undoes `insert` of the very same row (edits and deletes), whatever time has passed since. */
  retract(row: Row): void {
    const index = this.rows.lowerBound(row.t, row.id);
    if (!this.rows.holds(index, row)) {
      // Not held: it is due and older than every window, so all-time is all it is in.
      if (row.t <= this.asOf) this.allTime.retract(row.values);
      return;
    }
    if (index < this.admitted) {
      this.allTime.retract(row.values);
      this.heads.forEach((head, window) => {
        if (index >= head) this.sliding[window]?.retract(row.values);
      });
      this.admitted -= 1;
    }
    this.heads.forEach((head, window) => {
      if (index < head) this.heads[window] = head - 1;
    });
    this.rows.remove(index);
  }

  /** Moves the clock forward: admits due rows, then expires rows that left each window. */
  advanceTo(now: number, compact = true): boolean {
    if (now <= this.asOf) return false;
    let changed = false;
    const rows = this.rows;
    for (let t = rows.timeAt(this.admitted); t !== undefined && t <= now; t = rows.timeAt(this.admitted)) {
      rows.addTo(this.allTime, this.admitted);
      for (const window of this.sliding) rows.addTo(window, this.admitted);
      this.admitted += 1;
      changed = true;
    }
    this.sizes.forEach((size, window) => {
      let head = this.heads[window] ?? 0;
      const accumulator = this.sliding[window];
      for (let t = rows.timeAt(head); t !== undefined && head < this.admitted && t <= now - size; t = rows.timeAt(++head)) {
        if (accumulator) rows.retractFrom(accumulator, head);
        changed = true;
      }
      this.heads[window] = head;
    });
    this.asOf = now;
    if (compact) this.compact();
    return changed;
  }

  /** The earliest instant after asOf at which some figure changes with no new record, if any. */
  nextDeadline(): number | undefined {
    let deadline = this.rows.timeAt(this.admitted);
    this.sizes.forEach((size, window) => {
      const head = this.heads[window] ?? 0;
      const oldest = head < this.admitted ? this.rows.timeAt(head) : undefined;
      if (oldest !== undefined && (deadline === undefined || oldest + size < deadline)) deadline = oldest + size;
    });
    return deadline;
  }

  /** Nothing counted and nothing pending: the key can be forgotten. */
  isEmpty(): boolean {
    return this.allTime.count === 0 && this.admitted === this.rows.length;
  }

  /**
   * Every row counted and gone from every sliding window (so those are empty): only the all-time
   * figures are left, and the key can be packed (packed-keys.ts).
   */
  holdsOnlyAllTime(): boolean {
    return this.admitted === this.rows.length && this.retentionStart() === this.rows.length;
  }

  /** A copy to advance for a read "as of later" without touching the real state. */
  whatIf(): KeyTimeline {
    return new KeyTimeline(this.tracked, this.sizes, this.asOf, this);
  }

  /** Rows held (inside some window or pending): for memory accounting. */
  get heldRows(): number {
    return this.rows.length - this.retentionStart();
  }

  private retentionStart(): number {
    return this.heads.length === 0 ? this.admitted : Math.min(...this.heads);
  }

  private compact(): void {
    const dead = this.retentionStart();
    if (dead < COMPACT_AT || dead * 2 < this.rows.length) return;
    this.rows.dropFront(dead);
    this.admitted -= dead;
    this.heads.forEach((head, window) => {
      this.heads[window] = head - dead;
    });
  }
}
