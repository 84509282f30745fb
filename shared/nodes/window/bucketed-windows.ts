// Tumbling and hopping windows of one key: an accumulator per window instance
// [start, start + size), starts aligned to multiples of `advance` since the epoch.
// A record belongs to size/advance instances (one for tumbling). An instance is
// open until its end + allowed lateness has passed on the clock; then it is
// closed, reported once and purged. A record that would fall into a closed
// instance is late: it is left out of that instance and reported.
import { Accumulator } from './accumulator.ts';
import type { Row } from './row.ts';
import type { TrackedFields } from './tracked-fields.ts';

export interface BucketedSpec {
  readonly name: string;
  readonly size: number;
  readonly advance: number;
}

export interface InstanceRef {
  readonly window: number;
  readonly start: number;
}

/** Every instance start s with s <= t < s + size, newest first. */
export function instanceStarts(t: number, size: number, advance: number): number[] {
  const starts: number[] = [];
  for (let start = Math.floor(t / advance) * advance; start > t - size; start -= advance) starts.push(start);
  return starts;
}

export class BucketedWindows {
  /** Per window spec: open instances by start. */
  readonly open: Map<number, Accumulator>[];

  constructor(
    private readonly tracked: TrackedFields,
    private readonly specs: readonly BucketedSpec[],
    private readonly lateness: number,
  ) {
    this.open = specs.map(() => new Map());
  }

  closesAt(window: number, start: number): number {
    const spec = this.specs[window];
    return spec ? start + spec.size + this.lateness : Number.POSITIVE_INFINITY;
  }

  /** Adds the row to its open instances as of `now`; returns touched instances and the windows it was late for. */
  insert(row: Row, now: number): { touched: InstanceRef[]; lateFor: string[] } {
    const touched: InstanceRef[] = [];
    const lateFor = new Set<string>();
    this.specs.forEach((spec, window) => {
      for (const start of instanceStarts(row.t, spec.size, spec.advance)) {
        if (this.closesAt(window, start) <= now) {
          lateFor.add(spec.name);
          continue;
        }
        const instances = this.open[window];
        let accumulator = instances?.get(start);
        if (!accumulator) {
          accumulator = new Accumulator(this.tracked);
          instances?.set(start, accumulator);
        }
        accumulator.add(row.values);
        touched.push({ window, start });
      }
    });
    return { touched, lateFor: [...lateFor] };
  }

  /** Takes the row out of the instances that still hold it (closed ones are gone); emptied instances are dropped. */
  retract(row: Row): InstanceRef[] {
    const touched: InstanceRef[] = [];
    this.specs.forEach((spec, window) => {
      const instances = this.open[window];
      for (const start of instanceStarts(row.t, spec.size, spec.advance)) {
        const accumulator = instances?.get(start);
        if (!accumulator) continue;
        accumulator.retract(row.values);
        if (accumulator.count === 0) instances?.delete(start);
        touched.push({ window, start });
      }
    });
    return touched;
  }

  /** Closes and removes instances whose end + lateness is <= now; returns them with their final figures. */
  closeUpTo(now: number): { ref: InstanceRef; accumulator: Accumulator }[] {
    const closed: { ref: InstanceRef; accumulator: Accumulator }[] = [];
    this.open.forEach((instances, window) => {
      for (const [start, accumulator] of instances) {
        if (this.closesAt(window, start) > now) continue;
        instances.delete(start);
        closed.push({ ref: { window, start }, accumulator });
      }
    });
    return closed.sort((a, b) => a.ref.start - b.ref.start || a.ref.window - b.ref.window);
  }

  nextDeadline(): number | undefined {
    let deadline: number | undefined;
    this.open.forEach((instances, window) => {
      for (const start of instances.keys()) {
        const at = this.closesAt(window, start);
        if (deadline === undefined || at < deadline) deadline = at;
      }
    });
    return deadline;
  }

  isEmpty(): boolean {
    return this.open.every((instances) => instances.size === 0);
  }
}
