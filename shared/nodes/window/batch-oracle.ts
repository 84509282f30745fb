// The nightly job's semantics by brute force: given the current rows (edits
// already applied, deletes already gone) and an instant, recompute every figure
// from scratch. No state, no increments, nothing shared with the operator but
// the config types and field extraction, so the property tests compare two
// independent computations. Mirrors the batch SQL runtime/postgres/window-batch.ts generates:
//   all-time: rows with t <= asOf; sliding: asOf − size < t <= asOf;
//   a key is listed only when it has a row with t <= asOf (GROUP BY over the WHERE).
import { instanceStarts } from './bucketed-windows.ts';
import { extractValues, type TrackedValue, trackFields } from './tracked-fields.ts';
import type { AggregateDeclaration, ResolvedWindowConfig } from './window-config.ts';
import { iso, type WindowOutput } from './window-output.ts';

export interface OracleRow {
  id: string;
  key: string;
  eventTime: number;
  value: Record<string, unknown>;
}

/** Per key, the per-key output (all-time and sliding windows) as of `asOf`. */
export function oracleOutputs(rows: readonly OracleRow[], config: ResolvedWindowConfig, asOf: number): Map<string, WindowOutput> {
  const outputs = new Map<string, WindowOutput>();
  for (const [key, keyRows] of groupBy(
    rows.filter((row) => row.eventTime <= asOf),
    (row) => row.key,
  )) {
    const output: WindowOutput = { [config.keyField]: key };
    for (const window of config.windows) {
      if (window.type === 'all-time') output[window.name] = aggregate(keyRows, config.aggregates);
      else if (window.type === 'sliding') {
        output[window.name] = aggregate(
          keyRows.filter((row) => row.eventTime > asOf - window.size),
          config.aggregates,
        );
      }
    }
    output.asOf = iso(asOf);
    outputs.set(key, output);
  }
  return outputs;
}

/** Per key, the open bucketed instances as of `asOf` (those with end + lateness > asOf), oldest first. */
export function oracleInstances(rows: readonly OracleRow[], config: ResolvedWindowConfig, asOf: number): Map<string, WindowOutput[]> {
  const outputs = new Map<string, WindowOutput[]>();
  for (const [key, keyRows] of groupBy(rows, (row) => row.key)) {
    const list: WindowOutput[] = [];
    for (const window of config.windows) {
      if (window.type !== 'bucketed') continue;
      const starts = new Set(keyRows.flatMap((row) => instanceStarts(row.eventTime, window.size, window.advance)));
      for (const start of [...starts].sort((a, b) => a - b)) {
        if (start + window.size + config.allowedLateness <= asOf) continue;
        const members = keyRows.filter((row) => row.eventTime >= start && row.eventTime < start + window.size);
        list.push({
          [config.keyField]: key,
          windowStart: iso(start),
          windowEnd: iso(start + window.size),
          [window.name]: aggregate(members, config.aggregates),
          asOf: iso(asOf),
        });
      }
    }
    if (list.length > 0) outputs.set(key, list);
  }
  return outputs;
}

function aggregate(rows: readonly OracleRow[], aggregates: readonly AggregateDeclaration[]): Record<string, number | null> {
  const tracked = trackFields(aggregates);
  const vectors = rows.map((row) => extractValues(tracked, row.value));
  const result: Record<string, number | null> = {};
  aggregates.forEach((aggregate, index) => {
    if (aggregate.fn === 'count') {
      result[aggregate.name] = rows.length;
      return;
    }
    const field = tracked.fieldOf[index] ?? -1;
    const values = vectors.map((vector) => vector[field]).filter((value): value is number => value !== null && value !== undefined);
    result[aggregate.name] = sqlAggregate(aggregate.fn, values);
  });
  return result;
}

function sqlAggregate(fn: 'sum' | 'avg' | 'min' | 'max', values: TrackedValue[]): number | null {
  const numbers = values.filter((value): value is number => value !== null);
  const sum = numbers.reduce((total, value) => total + value, 0);
  if (fn === 'sum') return sum;
  if (numbers.length === 0) return null;
  if (fn === 'avg') return sum / numbers.length;
  return fn === 'min' ? Math.min(...numbers) : Math.max(...numbers);
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(keyOf(item));
    if (group) group.push(item);
    else groups.set(keyOf(item), [item]);
  }
  return groups;
}
