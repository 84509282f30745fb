// Min and max under retraction need every value still present, not just the
// extreme: a sorted array of distinct values with a count each. Lookups are
// binary searches; inserting a new distinct value is a splice (a memmove, cheap
// for the few distinct values real fields have: a rating has ten).

export class ValueMultiset {
  private readonly values: number[] = [];
  private readonly counts: number[] = [];

  add(value: number, times = 1): void {
    const index = this.lowerBound(value);
    if (this.values[index] === value) this.counts[index] = (this.counts[index] ?? 0) + times;
    else {
      this.values.splice(index, 0, value);
      this.counts.splice(index, 0, times);
    }
  }

  /** [value, count] pairs in ascending order, for snapshots. */
  entries(): [value: number, count: number][] {
    return this.values.map((value, index) => [value, this.counts[index] ?? 0]);
  }

  /** Removes one occurrence; a value that is not present is ignored (never happens for a consistent caller). */
  retract(value: number): void {
    const index = this.lowerBound(value);
    if (this.values[index] !== value) return;
    const left = (this.counts[index] ?? 1) - 1;
    if (left > 0) this.counts[index] = left;
    else {
      this.values.splice(index, 1);
      this.counts.splice(index, 1);
    }
  }

  get min(): number | undefined {
    return this.values[0];
  }

  get max(): number | undefined {
    return this.values[this.values.length - 1];
  }

  clone(): ValueMultiset {
    const copy = new ValueMultiset();
    copy.values.push(...this.values);
    copy.counts.push(...this.counts);
    return copy;
  }

  private lowerBound(value: number): number {
    let low = 0;
    let high = this.values.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((this.values[middle] ?? 0) < value) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
