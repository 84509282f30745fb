// Records without an id can never be edited or deleted, so once a row has left
// every window that may still change (expired from the largest sliding window,
// every bucketed instance closed) it only lives on in its key's all-time figures.
// Such a row is "settled": dropped from the row table and the changelog, its
// contribution folded into a per-key accumulator written as one small entry.
// This keeps an append-only all-time node O(1) per key instead of O(records).
import { Accumulator, type AccumulatorSnapshot } from './accumulator.ts';
import type { Row } from './row.ts';
import type { WindowLayout } from './window-layout.ts';

export class AppendOnlyRows {
  /** Per key: unsettled append-only rows, ascending by the time they settle. */
  private readonly waiting = new Map<string, { at: number; row: Row }[]>();
  /** Per key: what the settled rows contributed to all-time. */
  readonly settled = new Map<string, Accumulator>();

  constructor(private readonly layout: WindowLayout) {}

  /** The instant after which no window but all-time can change because of this row. */
  settlesAt(row: Row): number {
    let at = row.t + Math.max(0, ...this.layout.slidingSizes);
    for (const spec of this.layout.bucketed) {
      const lastStart = Math.floor(row.t / spec.advance) * spec.advance;
      at = Math.max(at, lastStart + spec.size + this.layout.allowedLateness);
    }
    return at;
  }

  track(row: Row): void {
    const at = this.settlesAt(row);
    let queue = this.waiting.get(row.key);
    if (!queue) {
      queue = [];
      this.waiting.set(row.key, queue);
    }
    let index = queue.length;
    while (index > 0 && (queue[index - 1]?.at ?? 0) > at) index -= 1; // arrivals are mostly in order: a short walk back
    queue.splice(index, 0, { at, row });
  }

  /** Settles the key's rows due by `asOf`; returns them so the caller can drop them from the row table. */
  settle(key: string, asOf: number): Row[] {
    const queue = this.waiting.get(key);
    if (!queue || (queue[0]?.at ?? Number.POSITIVE_INFINITY) > asOf) return [];
    let count = 0;
    while (count < queue.length && (queue[count]?.at ?? Number.POSITIVE_INFINITY) <= asOf) count += 1;
    const rows = queue.splice(0, count).map(({ row }) => row);
    if (queue.length === 0) this.waiting.delete(key);
    let totals = this.settled.get(key);
    if (!totals) {
      totals = new Accumulator(this.layout.tracked);
      this.settled.set(key, totals);
    }
    for (const row of rows) totals.add(row.values);
    return rows;
  }

  restore(key: string, snapshot: AccumulatorSnapshot): void {
    const totals = new Accumulator(this.layout.tracked);
    totals.absorb(snapshot);
    this.settled.set(key, totals);
  }

  clear(): void {
    this.waiting.clear();
  }
}
