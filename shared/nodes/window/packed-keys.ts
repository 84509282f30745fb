// Keys whose only figures are all-time ones, packed: most courses' reviews are all
// older than every sliding window, and such a key needs no rows, no deadline and no
// object graph (KeyState, KeyTimeline, two accumulators with their fields and sums:
// ~800 bytes), only a few numbers. A key is one slot in one Float64Array:
//   [asOf, count, then per tracked field: present, total, compensation]
// found through one Map<string, slot>. The operator turns a slot back into a
// KeyState when a record or a read needs one, with the very same numbers (bit for
// bit), and packs it again once its sliding windows are empty and it has no open
// bucketed instance. Layouts with min/max keep their keys as objects: a multiset of
// values does not fit in a fixed slot.
import type { Accumulator } from './accumulator.ts';
import { roundingLost } from './compensated-sum.ts';
import type { TrackedFields, TrackedValue } from './tracked-fields.ts';

const FIRST_CAPACITY = 64;

export class PackedKeys {
  private readonly slots = new Map<string, number>();
  /** Slots of keys unpacked since: reused before the array grows. */
  private readonly free: number[] = [];
  private figures = new Float64Array(0);
  private used = 0;
  private readonly stride: number;

  /** Undefined when the layout's figures do not fit in a slot (min/max). */
  static for(tracked: TrackedFields): PackedKeys | undefined {
    return tracked.needsOrder.some(Boolean) ? undefined : new PackedKeys(tracked);
  }

  private constructor(private readonly tracked: TrackedFields) {
    this.stride = 2 + 3 * tracked.names.length;
  }

  get size(): number {
    return this.slots.size;
  }

  has(key: string): boolean {
    return this.slots.has(key);
  }

  keys(): IterableIterator<string> {
    return this.slots.keys();
  }

  /** Packs a key's all-time accumulator as of `asOf` (the caller drops its KeyState). */
  pack(key: string, asOf: number, allTime: Accumulator): void {
    const base = this.slotOf(key, asOf);
    allTime.packInto(this.figures, base + 1);
  }

  /** Writes the key's all-time figures into a fresh `allTime` and returns its asOf, leaving it packed (a read). */
  peekInto(key: string, allTime: Accumulator): number | undefined {
    const base = this.slots.get(key);
    if (base === undefined) return undefined;
    allTime.unpackFrom(this.figures, base + 1);
    return this.figures[base] ?? 0;
  }

  /** Like peekInto, and the key is no longer packed: the caller holds it as a KeyState now. */
  unpackInto(key: string, allTime: Accumulator): number | undefined {
    const asOf = this.peekInto(key, allTime);
    const base = this.slots.get(key);
    if (asOf === undefined || base === undefined) return undefined;
    this.slots.delete(key);
    this.free.push(base);
    return asOf;
  }

  /**
   * Counts a due row straight into the key's all-time figures (a restore: rows older than every window),
   * exactly as Accumulator.add would: count, then per non-NULL field present and Neumaier's step.
   */
  add(key: string, asOf: number, values: readonly TrackedValue[]): void {
    const base = this.slots.get(key) ?? this.slotOf(key, asOf);
    const figures = this.figures;
    figures[base + 1] = (figures[base + 1] ?? 0) + 1;
    for (let index = 0; index < values.length && index < this.tracked.names.length; index++) {
      const value = values[index];
      if (value === null || value === undefined) continue;
      const at = base + 2 + 3 * index;
      const total = figures[at + 1] ?? 0;
      const next = total + value;
      figures[at] = (figures[at] ?? 0) + 1;
      figures[at + 2] = (figures[at + 2] ?? 0) + roundingLost(total, value, next);
      figures[at + 1] = next;
    }
  }

  clear(): void {
    this.slots.clear();
    this.free.length = 0;
    this.used = 0;
    this.figures = new Float64Array(0);
  }

  /** The key's slot (a new, zeroed one if it has none), with asOf written. */
  private slotOf(key: string, asOf: number): number {
    let base = this.slots.get(key);
    if (base === undefined) {
      base = this.free.pop() ?? this.grow();
      this.figures.fill(0, base, base + this.stride);
      this.slots.set(key, base);
    }
    this.figures[base] = asOf;
    return base;
  }

  private grow(): number {
    const base = this.used * this.stride;
    this.used += 1;
    if (base + this.stride > this.figures.length) {
      const capacity = Math.max(FIRST_CAPACITY, Math.ceil(this.used * 1.5));
      const bigger = new Float64Array(capacity * this.stride);
      bigger.set(this.figures);
      this.figures = bigger;
    }
    return base;
  }
}
