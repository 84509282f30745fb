// Everything one key holds: the timeline (all-time + sliding) and its bucketed
// instances, plus how to render them as outputs.
import type { Accumulator } from './accumulator.ts';
import { BucketedWindows, type InstanceRef } from './bucketed-windows.ts';
import { KeyTimeline } from './key-timeline.ts';
import type { WindowLayout } from './window-layout.ts';
import { iso, type WindowChange, type WindowOutput } from './window-output.ts';

export class KeyState {
  readonly timeline: KeyTimeline;
  readonly bucketed: BucketedWindows;

  constructor(
    private readonly layout: WindowLayout,
    readonly key: string,
    asOf: number,
  ) {
    this.timeline = new KeyTimeline(layout.tracked, layout.slidingSizes, asOf);
    this.bucketed =
      layout.bucketed.length === 0
        ? noBucketedWindows(layout)
        : new BucketedWindows(layout.tracked, layout.bucketed, layout.allowedLateness);
  }

  /** Brings the key to `now`; returns the bucketed instances that closed on the way, with their final figures. */
  advanceTo(now: number): WindowChange[] {
    this.timeline.advanceTo(now);
    return this.bucketed.closeUpTo(now).map(({ ref, accumulator }) => {
      const { window, windowStart, windowEnd } = this.describe(ref);
      return { kind: 'instance-closed', key: this.key, window, windowStart, windowEnd, output: this.render(ref, accumulator, now) };
    });
  }

  nextDeadline(): number | undefined {
    const timeline = this.timeline.nextDeadline();
    const bucketed = this.bucketed.nextDeadline();
    if (timeline === undefined) return bucketed;
    return bucketed === undefined ? timeline : Math.min(timeline, bucketed);
  }

  /** No rows in a sliding window, none pending, no open instance: its all-time numbers say it all. */
  holdsOnlyAllTime(): boolean {
    return this.timeline.holdsOnlyAllTime() && this.bucketed.isEmpty();
  }

  isEmpty(): boolean {
    return this.timeline.isEmpty() && this.bucketed.isEmpty();
  }

  /** The per-key output of `timeline` (this key's, or a what-if copy of it); null when no row is due yet. */
  continuousOutput(timeline: KeyTimeline = this.timeline): WindowOutput | null {
    if (timeline.allTime.count === 0) return null;
    const output: WindowOutput = { [this.layout.keyField]: this.key };
    for (const window of this.layout.continuous) {
      const accumulator = window.kind === 'all-time' ? timeline.allTime : timeline.sliding[window.index];
      if (accumulator) output[window.name] = accumulator.results(this.layout.aggregates);
    }
    output.asOf = iso(timeline.asOf);
    return output;
  }

  instanceChange(ref: InstanceRef, now: number): WindowChange {
    const { window, windowStart, windowEnd } = this.describe(ref);
    return { kind: 'instance', key: this.key, window, windowStart, windowEnd, output: this.instanceOutput(ref, now) };
  }

  instanceOutput(ref: InstanceRef, now: number): WindowOutput | null {
    const accumulator = this.bucketed.open[ref.window]?.get(ref.start);
    return accumulator ? this.render(ref, accumulator, now) : null;
  }

  private render(ref: InstanceRef, accumulator: Accumulator, now: number): WindowOutput {
    const { window, windowStart, windowEnd } = this.describe(ref);
    return {
      [this.layout.keyField]: this.key,
      windowStart: iso(windowStart),
      windowEnd: iso(windowEnd),
      [window]: accumulator.results(this.layout.aggregates),
      asOf: iso(now),
    };
  }

  private describe(ref: InstanceRef): { window: string; windowStart: number; windowEnd: number } {
    const spec = this.layout.bucketed[ref.window];
    return { window: spec?.name ?? '', windowStart: ref.start, windowEnd: ref.start + (spec?.size ?? 0) };
  }
}

/** With no bucketed windows the instance table is stateless, so every key can share one. */
const stateless = new WeakMap<WindowLayout, BucketedWindows>();
function noBucketedWindows(layout: WindowLayout): BucketedWindows {
  let shared = stateless.get(layout);
  if (!shared) {
    shared = new BucketedWindows(layout.tracked, [], layout.allowedLateness);
    stateless.set(layout, shared);
  }
  return shared;
}
