// What a row keeps of its record: only the numbers the aggregates read, as a
// vector in a fixed field order. A review therefore costs a few numbers, not its text.
import type { AggregateDeclaration } from './window-config.ts';

/** A field's value as the aggregates see it; null is SQL's NULL (ignored by sum/avg/min/max). */
export type TrackedValue = number | null;

export interface TrackedFields {
  /** The distinct fields sum/avg/min/max read, in first-mention order. */
  readonly names: readonly string[];
  /** Per field: whether min or max reads it (only then a multiset is kept). */
  readonly needsOrder: readonly boolean[];
  /** Per aggregate: the index of its field in `names`, or -1 for count. */
  readonly fieldOf: readonly number[];
}

export function trackFields(aggregates: readonly AggregateDeclaration[]): TrackedFields {
  const names: string[] = [];
  const needsOrder: boolean[] = [];
  const fieldOf = aggregates.map((aggregate) => {
    if (aggregate.fn === 'count') return -1;
    let index = names.indexOf(aggregate.field);
    if (index < 0) {
      index = names.push(aggregate.field) - 1;
      needsOrder.push(false);
    }
    if (aggregate.fn === 'min' || aggregate.fn === 'max') needsOrder[index] = true;
    return index;
  });
  return { names, needsOrder, fieldOf };
}

/**
 * Reads the tracked fields of a record value. Finite numbers count; numeric strings
 * are accepted because JSON producers often quote decimals; anything else is NULL.
 */
export function extractValues(fields: TrackedFields, value: Record<string, unknown>): TrackedValue[] {
  return fields.names.map((name) => toNumber(value[name]));
}

function toNumber(raw: unknown): TrackedValue {
  const parsed = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : Number.NaN;
  if (!Number.isFinite(parsed)) return null;
  // -0 becomes 0: JSON (the changelog) cannot carry -0, and SQL has none.
  return parsed === 0 ? 0 : parsed;
}
