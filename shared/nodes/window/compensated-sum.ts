// A running sum that supports retraction without drifting. Neumaier's compensated
// summation keeps the rounding error of every add/retract in a second term, so
// after millions of adds and retracts the total stays within a few ulps of the
// exact sum. Sums of multiples of 0.5 (ratings) are exact in plain doubles anyway
// (below 2^52), so for ratings this is bit-exact.

export class CompensatedSum {
  private total = 0;
  private compensation = 0;

  add(value: number): void {
    const next = this.total + value;
    this.compensation += roundingLost(this.total, value, next);
    this.total = next;
  }

  retract(value: number): void {
    this.add(-value);
  }

  /** Called when no value is left: forgets accumulated rounding so an empty sum is exactly 0. */
  reset(): void {
    this.total = 0;
    this.compensation = 0;
  }

  /** The two terms, to write a sum down and `absorb` it elsewhere without losing the compensation. */
  parts(): [total: number, compensation: number] {
    return [this.total, this.compensation];
  }

  /** Sets both terms as `parts()` gave them (a packed key becoming an object again). */
  load(total: number, compensation: number): void {
    this.total = total;
    this.compensation = compensation;
  }

  absorb([total, compensation]: readonly [number, number]): void {
    this.add(total);
    this.compensation += compensation;
  }

  clone(): CompensatedSum {
    const copy = new CompensatedSum();
    copy.total = this.total;
    copy.compensation = this.compensation;
    return copy;
  }

  get value(): number {
    return this.total + this.compensation;
  }
}

/**
 * What `total + value` (= `next`) lost to rounding: the one step of Neumaier's sum, shared by this
 * class and the packed keys (packed-keys.ts) so both compute the very same bits. The branch keeps
 * the lost term whichever operand is larger.
 */
export function roundingLost(total: number, value: number, next: number): number {
  return Math.abs(total) >= Math.abs(value) ? total - next + value : value - next + total;
}
