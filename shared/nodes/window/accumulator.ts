// The running aggregate of one window of one key: count, and per tracked field the
// number of non-NULL values, their compensated sum and (for min/max) a multiset.
// add and retract are O(1), or O(log d) with d distinct values for min/max.
import { assertNever } from '../../engine/assert-never.ts';
import { CompensatedSum } from './compensated-sum.ts';
import type { TrackedFields, TrackedValue } from './tracked-fields.ts';
import { ValueMultiset } from './value-multiset.ts';
import type { AggregateDeclaration } from './window-config.ts';

class FieldAccumulator {
  present = 0;
  readonly sum: CompensatedSum;
  readonly ordered: ValueMultiset | undefined;

  constructor(ordered: boolean, source?: FieldAccumulator) {
    this.present = source?.present ?? 0;
    this.sum = source ? source.sum.clone() : new CompensatedSum();
    this.ordered = source?.ordered ? source.ordered.clone() : ordered ? new ValueMultiset() : undefined;
  }

  add(value: number): void {
    this.present += 1;
    this.sum.add(value);
    this.ordered?.add(value);
  }

  retract(value: number): void {
    this.present -= 1;
    if (this.present === 0) this.sum.reset();
    else this.sum.retract(value);
    this.ordered?.retract(value);
  }
}

export type AggregateValues = Record<string, number | null>;

/** An accumulator written down (JSON-safe): what settled append-only rows contributed to all-time. */
export interface AccumulatorSnapshot {
  count: number;
  fields: { present: number; sum: [number, number]; values?: [number, number][] }[];
}

export class Accumulator {
  count = 0;
  private readonly fields: FieldAccumulator[];

  constructor(
    private readonly tracked: TrackedFields,
    source?: Accumulator,
  ) {
    this.count = source?.count ?? 0;
    this.fields = tracked.needsOrder.map((ordered, index) => new FieldAccumulator(ordered, source?.fields[index]));
  }

  // Plain loops: these run for every record and every expiry, and restoring runs them a million times.
  add(values: readonly TrackedValue[]): void {
    this.count += 1;
    for (let index = 0; index < values.length; index++) {
      const value = values[index];
      if (value !== null && value !== undefined) this.fields[index]?.add(value);
    }
  }

  retract(values: readonly TrackedValue[]): void {
    this.count -= 1;
    for (let index = 0; index < values.length; index++) {
      const value = values[index];
      if (value !== null && value !== undefined) this.fields[index]?.retract(value);
    }
  }

  /**
   * Writes count and per field (present, total, compensation) at `offset`: the packed form of a key
   * (packed-keys.ts), which exists only for layouts without min/max (a multiset does not pack).
   */
  packInto(target: Float64Array, offset: number): void {
    target[offset] = this.count;
    this.fields.forEach((field, index) => {
      const [total, compensation] = field.sum.parts();
      const at = offset + 1 + 3 * index;
      target[at] = field.present;
      target[at + 1] = total;
      target[at + 2] = compensation;
    });
  }

  /** The inverse of `packInto`, into a fresh accumulator: the very same numbers, bit for bit. */
  unpackFrom(source: Float64Array, offset: number): void {
    this.count = source[offset] ?? 0;
    this.fields.forEach((field, index) => {
      const at = offset + 1 + 3 * index;
      field.present = source[at] ?? 0;
      field.sum.load(source[at + 1] ?? 0, source[at + 2] ?? 0);
    });
  }

  /** `add` of a row held as columns (held-rows.ts): its values from `offset`, NaN for NULL. */
  addFlat(values: readonly number[], offset: number): void {
    this.count += 1;
    for (let index = 0; index < this.fields.length; index++) {
      const value = values[offset + index];
      if (value !== undefined && !Number.isNaN(value)) this.fields[index]?.add(value);
    }
  }

  retractFlat(values: readonly number[], offset: number): void {
    this.count -= 1;
    for (let index = 0; index < this.fields.length; index++) {
      const value = values[offset + index];
      if (value !== undefined && !Number.isNaN(value)) this.fields[index]?.retract(value);
    }
  }

  clone(): Accumulator {
    return new Accumulator(this.tracked, this);
  }

  snapshot(): AccumulatorSnapshot {
    return {
      count: this.count,
      fields: this.fields.map((field) => {
        const written: AccumulatorSnapshot['fields'][number] = { present: field.present, sum: field.sum.parts() };
        if (field.ordered) written.values = field.ordered.entries();
        return written;
      }),
    };
  }

  /** Adds a snapshot's contribution, as if its rows had been added one by one. */
  absorb(snapshot: AccumulatorSnapshot): void {
    this.count += snapshot.count;
    snapshot.fields.forEach((written, index) => {
      const field = this.fields[index];
      if (!field) return;
      field.present += written.present;
      field.sum.absorb(written.sum);
      for (const [value, times] of written.values ?? []) field.ordered?.add(value, times);
    });
  }

  /**
   * SQL's answers: avg/min/max are null over no values; sum is 0 over no values
   * (SQL says NULL; a stats consumer wants COALESCE(sum, 0), as the contract asks).
   */
  results(aggregates: readonly AggregateDeclaration[]): AggregateValues {
    const out: AggregateValues = {};
    aggregates.forEach((aggregate, index) => {
      const field = this.fields[this.tracked.fieldOf[index] ?? -1];
      out[aggregate.name] = field ? fieldResult(aggregate.fn, field) : this.count;
    });
    return out;
  }
}

function fieldResult(fn: AggregateDeclaration['fn'], field: FieldAccumulator): number | null {
  switch (fn) {
    case 'count':
      return field.present;
    case 'sum':
      return field.present === 0 ? 0 : field.sum.value;
    case 'avg':
      return field.present === 0 ? null : field.sum.value / field.present;
    case 'min':
      return field.ordered?.min ?? null;
    case 'max':
      return field.ordered?.max ?? null;
    default:
      return assertNever(fn, 'aggregate function');
  }
}
