// What the window node emits: per key the continuous windows (all-time, sliding),
// per bucketed window instance its figures with windowStart/windowEnd. Shapes:
//   { [keyField]: key, [windowName]: { [aggregateName]: number | null }, asOf: ISO }
//   { [keyField]: key, windowStart: ISO, windowEnd: ISO, [windowName]: {...}, asOf: ISO }
import type { AggregateValues } from './accumulator.ts';

export type WindowOutput = Record<string, string | AggregateValues>;

export type WindowChange =
  /** output null: the key has no row with event time <= asOf any more (a tombstone for compacted topics). */
  | { kind: 'key'; key: string; output: WindowOutput | null }
  /** output null: the instance lost its last row. */
  | { kind: 'instance'; key: string; window: string; windowStart: number; windowEnd: number; output: WindowOutput | null }
  /** The instance passed end + allowedLateness: these are its final figures and it is purged. */
  | { kind: 'instance-closed'; key: string; window: string; windowStart: number; windowEnd: number; output: WindowOutput };

/** A record left out of closed bucketed instances; the engine dead-letters it with reason "late". */
export interface LateRecord {
  id: string;
  key: string;
  eventTime: number;
  windows: string[];
}

export interface ApplyResult {
  changes: WindowChange[];
  late?: LateRecord;
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Equal outputs but for asOf (which says when, not what): no change to emit. */
export function sameFigures(a: WindowOutput | null, b: WindowOutput | null): boolean {
  if (a === null || b === null) return a === b;
  for (const field of Object.keys(b)) {
    if (field === 'asOf') continue;
    const x = a[field];
    const y = b[field];
    if (typeof x === 'string' || typeof y === 'string') {
      if (x !== y) return false;
    } else if (!x || !y || Object.keys(y).some((name) => !Object.is(x[name], y[name]))) return false;
  }
  return true;
}
