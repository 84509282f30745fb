// The resolved config split the way the state needs it: which fields rows keep,
// which windows are continuous (one output per key) and which are bucketed (one
// output per window instance), with sliding windows numbered for the timeline.
import type { BucketedSpec } from './bucketed-windows.ts';
import { type TrackedFields, trackFields } from './tracked-fields.ts';
import type { AggregateDeclaration, ResolvedWindowConfig } from './window-config.ts';

/** A window in the per-key output: all-time, or the i-th sliding window of the timeline. */
export type ContinuousWindow = { name: string; kind: 'all-time' } | { name: string; kind: 'sliding'; index: number };

export interface WindowLayout {
  readonly keyField: string;
  readonly aggregates: readonly AggregateDeclaration[];
  readonly tracked: TrackedFields;
  readonly continuous: readonly ContinuousWindow[];
  readonly slidingSizes: readonly number[];
  readonly bucketed: readonly BucketedSpec[];
  readonly allowedLateness: number;
}

export function layoutOf(config: ResolvedWindowConfig): WindowLayout {
  const continuous: ContinuousWindow[] = [];
  const slidingSizes: number[] = [];
  const bucketed: BucketedSpec[] = [];
  for (const window of config.windows) {
    if (window.type === 'all-time') continuous.push({ name: window.name, kind: 'all-time' });
    else if (window.type === 'sliding') continuous.push({ name: window.name, kind: 'sliding', index: slidingSizes.push(window.size) - 1 });
    else bucketed.push({ name: window.name, size: window.size, advance: window.advance });
  }
  return {
    keyField: config.keyField,
    aggregates: config.aggregates,
    tracked: trackFields(config.aggregates),
    continuous,
    slidingSizes,
    bucketed,
    allowedLateness: config.allowedLateness,
  };
}
