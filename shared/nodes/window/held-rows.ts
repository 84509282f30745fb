// The rows one key's timeline holds, in timeline order (event time, then id), as
// columns: one array of times, one of ids and one flat array of the tracked values
// (`width` per row, NaN for NULL). A review held in a 90-day window then costs its
// id string and a few numbers, not a Row object with a boxed time and an array of
// its own (~175 bytes before, the biggest share of the heap with many recent reviews).
// NaN is free to mean NULL: tracked values are finite (tracked-fields.ts, and JSON
// changelogs cannot carry NaN).
import type { Accumulator } from './accumulator.ts';
import type { Row } from './row.ts';

export class HeldRows {
  private readonly times: number[] = [];
  private readonly ids: string[] = [];
  private readonly values: number[] = [];

  constructor(private readonly width: number) {}

  get length(): number {
    return this.times.length;
  }

  timeAt(index: number): number | undefined {
    return this.times[index];
  }

  /** First index whose row is not before (t, id) in timeline order (as compareRows orders rows). */
  lowerBound(t: number, id: string): number {
    let low = 0;
    let high = this.times.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      const time = this.times[middle] ?? 0;
      const other = this.ids[middle] ?? '';
      if (time < t || (time === t && other < id)) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Whether the row at `index` is `row` (same time and id). */
  holds(index: number, row: Row): boolean {
    return this.times[index] === row.t && this.ids[index] === row.id;
  }

  insert(index: number, row: Row): void {
    this.times.splice(index, 0, row.t);
    this.ids.splice(index, 0, row.id);
    const encoded: number[] = [];
    for (let field = 0; field < this.width; field++) encoded.push(row.values[field] ?? Number.NaN);
    this.values.splice(index * this.width, 0, ...encoded);
  }

  remove(index: number): void {
    this.times.splice(index, 1);
    this.ids.splice(index, 1);
    this.values.splice(index * this.width, this.width);
  }

  /** Drops the first `count` rows (expired from every window). */
  dropFront(count: number): void {
    this.times.splice(0, count);
    this.ids.splice(0, count);
    this.values.splice(0, count * this.width);
  }

  addTo(accumulator: Accumulator, index: number): void {
    accumulator.addFlat(this.values, index * this.width);
  }

  retractFrom(accumulator: Accumulator, index: number): void {
    accumulator.retractFlat(this.values, index * this.width);
  }
}
