// The current version of one record as the window sees it: the upsert table's
// value. A key's timeline holds the rows inside its sliding windows as columns
// (held-rows.ts), not as these objects.
import type { TrackedValue } from './tracked-fields.ts';

export interface Row {
  readonly id: string;
  readonly key: string;
  /** Event time, ms since the epoch. */
  readonly t: number;
  readonly values: readonly TrackedValue[];
  /** Set (only) on records without an id: never edited, so they can settle into all-time (append-only-rows.ts). */
  readonly appendOnly?: true;
}

/** Timeline order: event time, then id, so equal times still have one place each. */
export function compareRows(a: Row, b: Row): number {
  if (a.t !== b.t) return a.t - b.t;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Same contribution to every window: an edit of untracked fields only is a no-op. */
export function sameContribution(a: Row, b: Row): boolean {
  return (
    a.key === b.key && a.t === b.t && a.values.length === b.values.length && a.values.every((value, index) => value === b.values[index])
  );
}
