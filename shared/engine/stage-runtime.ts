// One stage inside one task: its operator instance, its stores, its metric
// handles, and the context the operator sees. Effects of an operator call are
// collected in a frame and only applied once the call returned, so a throw can
// discard them (and undo the call's state writes) before the record is dead-lettered.
import {
  type Counter,
  DLQ,
  DROPPED,
  ERRORS,
  type Histogram,
  type MetricsRegistry,
  PROCESSING_TIME,
  RECORDS_FORWARDED,
  RECORDS_IN,
  RECORDS_OUT,
  UNACCOUNTED,
} from './metrics.ts';
import type { EngineLogger, Operator, OperatorContext, ProducedRecord, StageMetrics } from './operator.ts';
import type { StagePlan } from './plan.ts';
import type { EngineRecord } from './record.ts';
import type { RecordingStore } from './recording-store.ts';
import type { RowOperation } from './sink-write.ts';

type FrameDeadLetter = { record: EngineRecord; reason: string; error?: unknown };
const NONE: readonly never[] = Object.freeze([]);

export class Frame {
  // Made on the first effect of each kind: most calls emit one record and nothing else, and a frame is made per call.
  private emitted: { port: string; record: EngineRecord }[] | undefined;
  private producedRecords: ProducedRecord[] | undefined;
  private writtenRows: RowOperation[] | undefined;
  private letters: FrameDeadLetter[] | undefined;
  dropReason: string | undefined;
  /** Kept in state to count later (ctx.hold): settled, but neither passed on nor dropped. */
  holdReason: string | undefined;
  inputDeadLettered = false;
  constructor(readonly input: EngineRecord | undefined) {}

  get emits(): readonly { port: string; record: EngineRecord }[] {
    return this.emitted ?? NONE;
  }

  get produced(): readonly ProducedRecord[] {
    return this.producedRecords ?? NONE;
  }

  get rows(): readonly RowOperation[] {
    return this.writtenRows ?? NONE;
  }

  get deadLetters(): readonly FrameDeadLetter[] {
    return this.letters ?? NONE;
  }

  emit(port: string, record: EngineRecord): void {
    if (this.emitted === undefined) this.emitted = [{ port, record }];
    else this.emitted.push({ port, record });
  }

  produce(record: ProducedRecord): void {
    if (this.producedRecords === undefined) this.producedRecords = [record];
    else this.producedRecords.push(record);
  }

  writeRow(operation: RowOperation): void {
    if (this.writtenRows === undefined) this.writtenRows = [operation];
    else this.writtenRows.push(operation);
  }

  deadLetter(letter: FrameDeadLetter): void {
    if (this.letters === undefined) this.letters = [letter];
    else this.letters.push(letter);
  }

  get forwarded(): boolean {
    return this.emits.length + this.produced.length + this.rows.length > 0;
  }
}

export interface StageCounters extends StageMetrics {
  readonly forwarded: Counter;
  readonly unaccounted: Counter;
  readonly processingTime: Histogram;
}

export function stageCounters(registry: MetricsRegistry, node: string, stage: string): StageCounters {
  const labels = { node, stage };
  const out = new Map<string, Counter>();
  return {
    recordsIn: registry.counter(RECORDS_IN, labels),
    dropped: registry.counter(DROPPED, labels),
    errors: registry.counter(ERRORS, labels),
    deadLettered: registry.counter(DLQ, labels),
    forwarded: registry.counter(RECORDS_FORWARDED, labels),
    unaccounted: registry.counter(UNACCOUNTED, labels),
    processingTime: registry.histogram(PROCESSING_TIME, labels),
    recordsOut(port: string): Counter {
      let counter = out.get(port);
      if (!counter) {
        counter = registry.counter(RECORDS_OUT, { ...labels, port });
        out.set(port, counter);
      }
      return counter;
    },
  };
}

export interface StageRuntime {
  plan: StagePlan;
  operator: Operator;
  stores: Map<string, RecordingStore>;
  metrics: StageCounters;
  ctx: OperatorContext;
  /** The frame of the operator call in progress, if any. */
  frame: Frame | undefined;
}

export interface TaskServices {
  taskId: string;
  partition: number;
  now(): number;
  schedule(stage: string, at: number): void;
  log: EngineLogger;
}

function currentFrame(runtime: StageRuntime, what: string): Frame {
  if (!runtime.frame) throw new Error(`${runtime.plan.id}: ${what} is only possible inside process or onTimer`);
  return runtime.frame;
}

export function createStageRuntime(
  plan: StagePlan,
  stores: Map<string, RecordingStore>,
  metrics: StageCounters,
  services: TaskServices,
): StageRuntime {
  const ctx: OperatorContext = {
    taskId: services.taskId,
    node: plan.node,
    stage: plan.stage,
    partition: services.partition,
    emit: (port, record) => {
      currentFrame(runtime, 'emit').emit(port, record);
    },
    isWired: (port) => (plan.wiring[port]?.length ?? 0) > 0,
    produce: (record) => {
      currentFrame(runtime, 'produce').produce(record);
    },
    writeRow: (operation) => {
      if (!plan.sinkTarget) throw new Error(`${plan.id}: writeRow needs a sink target declared by the node`);
      currentFrame(runtime, 'writeRow').writeRow(operation);
    },
    stores: {
      get: (name) => {
        const store = stores.get(name);
        if (!store) throw new Error(`${plan.id}: store ${name} was not declared by the stage`);
        return store;
      },
    },
    now: services.now,
    schedule: (at) => services.schedule(plan.id, at),
    deadLetter: (record, reason, error) => {
      const frame = currentFrame(runtime, 'deadLetter');
      frame.deadLetter({ record, reason, error });
      if (record === frame.input) frame.inputDeadLettered = true;
    },
    drop: (reason) => {
      currentFrame(runtime, 'drop').dropReason = reason;
    },
    hold: (reason) => {
      currentFrame(runtime, 'hold').holdReason = reason;
    },
    metrics,
    log: services.log,
  };
  // The closures above read `runtime` only when an operator calls them, after this line ran.
  const runtime: StageRuntime = { plan, stores, metrics, ctx, frame: undefined, operator: plan.spec.create() };
  return runtime;
}

const NO_SAVEPOINTS: number[] = [];

/** Where each of the stage's stores is, to undo a failed call's writes; stateless stages allocate nothing. */
export function savepointsOf(stage: StageRuntime): number[] {
  if (stage.stores.size === 0) return NO_SAVEPOINTS;
  const savepoints: number[] = [];
  for (const store of stage.stores.values()) savepoints.push(store.savepoint());
  return savepoints;
}
