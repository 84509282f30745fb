// What a task is built with, and the small helpers it needs at its edges.
import type { MetricsRegistry } from './metrics.ts';
import type { DecodeResult } from './node-implementation.ts';
import type { EngineLogger } from './operator.ts';
import type { SourcePlan, StorePlan } from './plan.ts';
import type { EngineRecord, RawRecord } from './record.ts';
import type { KeyValueStore } from './store.ts';

/** Sees every record a stage emits, drops or dead-letters: the designer's preview and tests use it. */
export interface TaskObserver {
  emitted?(event: { node: string; stage: string; port: string; record: EngineRecord; input?: EngineRecord }): void;
  dropped?(event: { node: string; stage: string; reason: string; record: EngineRecord }): void;
  deadLettered?(event: { node: string; stage: string; reason: string; error: string; record: EngineRecord | RawRecord }): void;
}

export interface TaskOptions {
  /** The wall clock operators see through ctx.now(); Date.now by default. */
  clock?: { now(): number };
  metrics?: MetricsRegistry;
  /** Where a store keeps its entries: in memory by default; the Kafka driver keeps them on disk (LMDB). */
  createStore?: (store: StorePlan, taskId: string) => KeyValueStore;
  observer?: TaskObserver;
  log?: EngineLogger;
}

export const silent: EngineLogger = { info() {}, warn() {}, error() {} };
/** A guard against an operator that keeps scheduling timers that are already due. */
export const MAX_TIMERS_PER_FIRING = 1_000_000;

/** A decoder that throws is a bug, but one record must not stop the partition: it is dead-lettered like bad input. */
export function safeDecode(source: SourcePlan, raw: RawRecord): DecodeResult {
  try {
    return source.decode(raw);
  } catch (error) {
    return { ok: false, reason: 'decode-error', error: error instanceof Error ? error.message : String(error) };
  }
}
