// A task: one sub-topology on one input partition (Kafka Streams' StreamTask).
// processBatch and fireTimers return everything that must be committed together;
// the driver decides how (one Kafka transaction, or in-memory topics).
import { BatchCollector } from './batch-collector.ts';
import type { BatchResult, ChangelogWrite } from './batch-result.ts';
import { BYTES, KEYS, MetricsRegistry } from './metrics.ts';
import {
  type Arrival,
  HOP,
  HOP_FROM_TIMER,
  NodeAccounting,
  outputsOf,
  type PortRef,
  settlementOf,
  takeArrival,
  withEdgeHeader,
} from './node-accounting.ts';
import type { Plan, PortTarget, SourcePlan, StorePlan, SubTopologyPlan, TaskPlan } from './plan.ts';
import type { EngineRecord, RawRecord } from './record.ts';
import { decodeChangelogValue, decodeInternal } from './record-codec.ts';
import { RecordError } from './record-error.ts';
import { RecordingStore } from './recording-store.ts';
import { createStageRuntime, Frame, type StageCounters, type StageRuntime, savepointsOf, stageCounters } from './stage-runtime.ts';
import { InMemoryKeyValueStore } from './store.ts';
import { MAX_TIMERS_PER_FIRING, safeDecode, silent, type TaskObserver, type TaskOptions } from './task-options.ts';
import { TimerQueue } from './timer-queue.ts';

export type { TaskObserver, TaskOptions } from './task-options.ts';

export class Task {
  readonly id: string;
  readonly partition: number;
  readonly inputs: { topic: string; partition: number }[];
  readonly changelogs: TaskPlan['changelogs'];
  private readonly sub: SubTopologyPlan;
  private readonly stages = new Map<string, StageRuntime>();
  private readonly stores = new Map<string, { plan: StorePlan; contents: RecordingStore }>();
  private readonly sources: { plan: SourcePlan; metrics: StageCounters }[] = [];
  private readonly timers = new TimerQueue();
  private readonly clock: { now(): number };
  private readonly observer: TaskObserver;
  private readonly metrics: MetricsRegistry;
  private readonly batch: BatchCollector;
  private readonly accounting: NodeAccounting;
  private timeOverride: number | undefined;
  private opened = false;

  constructor(
    private readonly plan: Plan,
    taskPlan: TaskPlan,
    options: TaskOptions = {},
  ) {
    const sub = plan.subTopologies[taskPlan.subTopology];
    if (!sub) throw new Error(`task ${taskPlan.id}: no sub-topology ${taskPlan.subTopology}`);
    this.sub = sub;
    this.id = taskPlan.id;
    this.partition = taskPlan.partition;
    this.inputs = [{ topic: taskPlan.topic, partition: taskPlan.partition }];
    this.changelogs = taskPlan.changelogs;
    this.clock = options.clock ?? { now: () => Date.now() };
    this.observer = options.observer ?? {};
    this.metrics = options.metrics ?? new MetricsRegistry();
    this.accounting = new NodeAccounting(this.metrics);
    this.batch = new BatchCollector(plan.dlqTopic, (event) => this.observer.deadLettered?.(event));
    const log = options.log ?? silent;
    const services = {
      taskId: this.id,
      partition: this.partition,
      now: () => this.timeOverride ?? this.clock.now(),
      schedule: (stage: string, at: number) => this.timers.schedule(stage, at),
      log,
    };
    for (const stageId of sub.stages) {
      const stagePlan = plan.stages[stageId];
      if (!stagePlan) continue;
      const stores = new Map<string, RecordingStore>();
      for (const store of stagePlan.stores) {
        const recording = new RecordingStore(store.id, options.createStore?.(store, this.id) ?? new InMemoryKeyValueStore());
        stores.set(store.name, recording);
        this.stores.set(store.id, { plan: store, contents: recording });
      }
      this.stages.set(
        stageId,
        createStageRuntime(stagePlan, stores, stageCounters(this.metrics, stagePlan.node, stagePlan.stage), services),
      );
    }
    if (sub.input.kind === 'source') {
      for (const source of plan.sources.filter((candidate) => candidate.topic === sub.input.topic)) {
        this.sources.push({ plan: source, metrics: stageCounters(this.metrics, source.node, 'source') });
      }
    }
  }

  /** Rebuilds a store (by id, `<node>.<store>`) from its changelog; call before the first batch. */
  restore(storeId: string, entries: Iterable<{ key: string; value: unknown | null }>): void {
    const store = this.stores.get(storeId);
    if (!store) throw new Error(`task ${this.id}: no store ${storeId}`);
    for (const entry of entries) store.contents.restore(entry.key, entry.value);
  }

  /** The same, for one changelog record as a driver reads it (JSON value, null = tombstone). */
  restoreChangelogRecord(record: { topic: string; key: string; value: string | null }): void {
    const changelog = this.changelogs.find((candidate) => candidate.topic === record.topic);
    if (!changelog) throw new Error(`task ${this.id}: ${record.topic} is not one of its changelogs`);
    this.restore(changelog.store, [{ key: record.key, value: decodeChangelogValue(record.value) }]);
  }

  processBatch(records: RawRecord[], now?: number): BatchResult {
    this.open();
    this.timeOverride = now;
    // Every record is of the task's one input partition (checked): the batch ends after the last one's offset.
    let last: RawRecord | undefined;
    try {
      for (const raw of records) {
        if (raw.topic !== this.sub.input.topic || raw.partition !== this.partition) {
          throw new Error(`task ${this.id} reads ${this.sub.input.topic}[${this.partition}], not ${raw.topic}[${raw.partition}]`);
        }
        last = raw;
        this.accept(raw);
      }
    } finally {
      this.timeOverride = undefined;
    }
    return this.finish(last === undefined ? [] : [{ topic: last.topic, partition: last.partition, nextOffset: last.offset + 1 }]);
  }

  /** Runs every timer due at `now`, earliest first, each at the time it was scheduled for. */
  fireTimers(now: number): BatchResult {
    this.open();
    this.timeOverride = now;
    try {
      for (let fired = 0; fired < MAX_TIMERS_PER_FIRING; fired++) {
        const due = this.timers.popDue(now);
        if (!due) break;
        const stage = this.stages.get(due.stage);
        if (stage) this.runTimer(stage, due.at);
      }
    } finally {
      this.timeOverride = undefined;
    }
    return this.finish([]);
  }

  nextTimerAt(): number | undefined {
    this.open();
    return this.timers.peek();
  }

  storeStats(): { store: string; keys: number; bytes: number }[] {
    return [...this.stores].map(([store, { contents }]) => ({ store, keys: contents.size(), bytes: contents.approxBytes() }));
  }

  close(): void {
    for (const stage of this.stages.values()) stage.operator.close?.();
  }

  /** Opens the operators lazily, so they see restored state and can schedule timers from it. */
  private open(): void {
    if (this.opened) return;
    this.opened = true;
    for (const stage of this.stages.values()) stage.operator.open?.(stage.ctx);
  }

  private accept(raw: RawRecord): void {
    const input = this.sub.input;
    if (input.kind === 'source') {
      for (const source of this.sources) this.acceptFromSource(source, raw);
      return;
    }
    const stage = this.stages.get(input.stage);
    if (!stage) return;
    const decoded = decodeInternal(raw);
    if (decoded.ok) {
      this.invoke(stage, decoded.record, takeArrival(decoded.record.headers));
      return;
    }
    const arrival = takeArrival({ ...raw.headers });
    stage.metrics.recordsIn.inc();
    stage.metrics.deadLettered.inc();
    this.accounting.arrived(stage.plan.node, arrival);
    this.accounting.settled(stage.plan.node, arrival, { outcome: 'dead-lettered', reason: decoded.reason, extra: 0 });
    this.batch.deadLetterRaw(raw, { node: stage.plan.node, stage: stage.plan.stage, reason: decoded.reason, error: decoded.error });
  }

  private acceptFromSource(source: { plan: SourcePlan; metrics: StageCounters }, raw: RawRecord): void {
    source.metrics.recordsIn.inc();
    const decoded = safeDecode(source.plan, raw);
    this.accounting.sourceRead(source.plan.node, decoded.ok ? undefined : decoded.reason);
    if (!decoded.ok) {
      source.metrics.deadLettered.inc();
      this.batch.deadLetterRaw(raw, { node: source.plan.node, stage: 'source', reason: decoded.reason, error: decoded.error });
      return;
    }
    source.metrics.forwarded.inc();
    source.metrics.recordsOut('out').inc();
    this.observer.emitted?.({ node: source.plan.node, stage: 'source', port: 'out', record: decoded.record });
    this.route(source.plan.targets, decoded.record, { node: source.plan.node, port: 'out' });
  }

  private invoke(stage: StageRuntime, record: EngineRecord, arrival: Arrival): void {
    stage.metrics.recordsIn.inc();
    this.accounting.arrived(stage.plan.node, arrival);
    const frame = new Frame(record);
    const savepoints = savepointsOf(stage);
    const started = performance.now();
    stage.frame = frame;
    try {
      stage.operator.process(record, stage.ctx);
    } catch (error) {
      this.undo(stage, savepoints);
      stage.metrics.errors.inc();
      stage.metrics.deadLettered.inc();
      const reason = error instanceof RecordError ? error.reason : 'operator-error';
      this.batch.deadLetterRecord(record, { node: stage.plan.node, stage: stage.plan.stage, reason, error });
      this.accounting.settled(stage.plan.node, arrival, { outcome: 'dead-lettered', reason, extra: 0 });
      return;
    } finally {
      stage.frame = undefined;
      stage.metrics.processingTime.observe(performance.now() - started);
    }
    for (const store of stage.stores.values()) store.forgetUndo();
    if (frame.inputDeadLettered) stage.metrics.deadLettered.inc();
    else if (frame.forwarded) stage.metrics.forwarded.inc();
    else if (frame.holdReason !== undefined)
      stage.metrics.dropped.inc(); // per stage, held counts as not passed on; the node's figures tell the two apart
    else if (frame.dropReason !== undefined) {
      stage.metrics.dropped.inc();
      this.observer.dropped?.({ node: stage.plan.node, stage: stage.plan.stage, reason: frame.dropReason, record });
    } else {
      stage.metrics.unaccounted.inc();
      if (stage.metrics.unaccounted.value === 1)
        stage.ctx.log.warn('an operator neither emitted, dropped nor dead-lettered a record', { stage: stage.plan.id });
    }
    this.accounting.settled(stage.plan.node, arrival, settlementOf(stage.plan, frame));
    this.apply(stage, frame, false);
  }

  private runTimer(stage: StageRuntime, firedAt: number): void {
    if (!stage.operator.onTimer) return;
    const frame = new Frame(undefined);
    const savepoints = savepointsOf(stage);
    stage.frame = frame;
    try {
      stage.operator.onTimer(firedAt, stage.ctx);
    } catch (error) {
      this.undo(stage, savepoints);
      stage.metrics.errors.inc();
      stage.ctx.log.error('timer failed', { task: this.id, stage: stage.plan.id, firedAt, error: String(error) });
      return;
    } finally {
      stage.frame = undefined;
    }
    for (const store of stage.stores.values()) store.forgetUndo();
    this.apply(stage, frame, true);
  }

  private undo(stage: StageRuntime, savepoints: number[]): void {
    let index = 0;
    for (const store of stage.stores.values()) store.rollbackTo(savepoints[index++] ?? 0);
  }

  /** Applies a successful call's effects: dead letters, sink writes, then emissions depth-first. */
  private apply(stage: StageRuntime, frame: Frame, onTimer: boolean): void {
    const { node } = stage.plan;
    for (const letter of frame.deadLetters)
      this.batch.deadLetterRecord(letter.record, { node, stage: stage.plan.stage, reason: letter.reason, error: letter.error });
    for (const produced of frame.produced) {
      stage.metrics.recordsOut('sink').inc();
      this.batch.produce(produced);
    }
    const target = stage.plan.sinkTarget;
    if (target && frame.rows.length > 0) {
      this.batch.writeRows(node, target, frame.rows);
      stage.metrics.recordsOut('sink').inc(frame.rows.length);
    }
    if (onTimer) this.accounting.timerOutput(node, outputsOf(stage.plan, frame).out);
    for (const { port, record } of frame.emits) {
      stage.metrics.recordsOut(port).inc();
      this.observer.emitted?.({ node, stage: stage.plan.stage, port, record, input: frame.input });
      this.route(stage.plan.wiring[port] ?? [], record, { node, port }, onTimer);
    }
  }

  /** Hands a record emitted on `from` to each target: over an edge to another node, or to the node's own next stage. */
  private route(targets: PortTarget[], record: EngineRecord, from: PortRef, onTimer = false): void {
    for (const target of targets) {
      if (target.kind === 'stage') {
        const next = this.stages.get(target.stage);
        const arrival: Arrival = next?.plan.node === from.node ? (onTimer ? HOP_FROM_TIMER : HOP) : { kind: 'edge', from };
        if (next) this.invoke(next, record, arrival);
        continue;
      }
      const targetStage = this.plan.stages[target.stage];
      const crossing = targetStage?.node === from.node ? record : withEdgeHeader(record, from);
      this.batch.repartition(target, crossing, targetStage?.spec.partitionBy, record.origin?.partition ?? this.partition);
    }
  }

  private finish(lastOffsets: BatchResult['lastOffsets']): BatchResult {
    const changelog: ChangelogWrite[] = [];
    for (const [storeId, { plan, contents }] of this.stores) {
      for (const change of contents.takeChanges()) {
        changelog.push({ store: storeId, topic: plan.changelogTopic, partition: this.partition, key: change.key, value: change.value });
      }
      contents.flush();
      const labels = { node: plan.node, store: plan.name, task: this.id };
      this.metrics.gauge(KEYS, labels).set(contents.size());
      this.metrics.gauge(BYTES, labels).set(contents.approxBytes());
    }
    return this.batch.take(lastOffsets, changelog);
  }
}
