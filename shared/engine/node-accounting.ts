// Node-level counting, beside the per-stage series: one number per edge and one outcome per input.
//
// A record emitted on a port is counted once where it leaves (RECORDS_OUT of that port) and once where it arrives at
// the node the edge leads to (EDGE_RECORDS, labelled with the edge's source). A record that reaches a stage from an
// earlier stage of the same node is internal traffic, never the node's input again; through a repartition topic the
// record carries its edge in a header, so the receiving task knows which kind it is. A delete broadcast to every
// partition counts once (its copy for partition 0); the other copies are internal.
//
// Each input's outcome is counted by the stage that settles it, whichever stage of the node that is: passed on (it
// left on an output port, or a sink wrote it), dropped or held (with the operator's reason), dead-lettered, late, or
// unaccounted. A stage that only hands the record to the node's next stage settles nothing.
import type { InternalKind } from '../api/pipeline-metrics.ts';
import { type Counter, EDGE_RECORDS, type MetricsRegistry, NODE_INTERNAL, NODE_OUTCOMES } from './metrics.ts';
import type { StagePlan } from './plan.ts';
import type { EngineRecord } from './record.ts';
import type { Frame } from './stage-runtime.ts';

/** On a repartition record that crosses an edge: `<node>.<port>` it left (node ids and ports hold no dot). */
export const FROM_HEADER = 'sluice.from';
/** On a broadcast delete: the partition the copy was sent to; the copy for partition 0 is the one counted. */
export const COPY_HEADER = 'sluice.copy';
/** The dead-letter reason of a record too late for a window: counted as late, not as a failure. */
export const LATE_REASON = 'late';
/** NODE_INTERNAL kind of a broadcast delete itself (one per delete), for the fold: how many deletes no copy applied. */
export const BROADCAST = 'broadcast';
/** NODE_OUTCOMES reason of a broadcast copy that was passed on (the copy that found its record). */
export const BROADCAST_PASSED = 'broadcast';

export type Outcome = 'passed' | 'dropped' | 'dead-lettered' | 'late' | 'held' | 'unaccounted';

export interface PortRef {
  node: string;
  port: string;
}

/** How a record reached a stage. */
export type Arrival =
  /** Over an edge from another node: the node's input. `broadcast`: the counted copy of a delete sent everywhere. */
  | { kind: 'edge'; from: PortRef; broadcast?: boolean }
  /** Another copy of such a delete: internal. */
  | { kind: 'copy'; from: PortRef }
  /** From an earlier stage of the same node; `fromTimer` when that stage emitted it on a timer (no input of its own). */
  | { kind: 'hop'; fromTimer: boolean };

/** The settlement of one operator call on its input. */
export interface Settlement {
  outcome: Outcome | 'handed-on';
  reason: string;
  /** Records that left the node for this input beyond the first. */
  extra: number;
}

export function withEdgeHeader(record: EngineRecord, from: PortRef): EngineRecord {
  return { ...record, headers: { ...record.headers, [FROM_HEADER]: `${from.node}.${from.port}` } };
}

export function withCopyHeader(record: EngineRecord, partition: number): EngineRecord {
  return { ...record, headers: { ...record.headers, [COPY_HEADER]: String(partition) } };
}

// Arrivals are read, never changed: the common ones are made once.
export const HOP: Arrival = Object.freeze({ kind: 'hop', fromTimer: false });
export const HOP_FROM_TIMER: Arrival = Object.freeze({ kind: 'hop', fromTimer: true });

/** Reads and removes the headers above, so operators never see them (nor pass them on). */
export function takeArrival(headers: Record<string, string>): Arrival {
  const edge = headers[FROM_HEADER];
  const copy = headers[COPY_HEADER];
  delete headers[FROM_HEADER];
  delete headers[COPY_HEADER];
  if (edge === undefined) return HOP;
  const dot = edge.lastIndexOf('.');
  const from = { node: edge.slice(0, dot), port: edge.slice(dot + 1) };
  if (copy === undefined) return { kind: 'edge', from };
  return copy === '0' ? { kind: 'edge', from, broadcast: true } : { kind: 'copy', from };
}

/** Whether a stage's port leads to the node's own next stage rather than out of the node. */
export const isInternalPort = (stage: StagePlan, port: string) => stage.spec.next?.[port] !== undefined;

export class NodeAccounting {
  // Counter handles by their labels, in nested maps: a key string joined per record was a good share of a hop's cost.
  private readonly edges = new Map<string, Map<string, Map<string, Counter>>>();
  private readonly outcomes = new Map<string, Map<string, Map<string, Counter>>>();
  private readonly internals = new Map<string, Map<string, Map<string, Counter>>>();

  constructor(private readonly registry: MetricsRegistry) {}

  /** A record reached a stage of `node`. */
  arrived(node: string, arrival: Arrival): void {
    if (arrival.kind !== 'edge') {
      this.internal(node, arrival.kind === 'hop' ? 'stage-hop' : 'broadcast-copy');
      return;
    }
    const { from } = arrival;
    let counter = cachedCounter(this.edges, node, from.node, from.port);
    if (!counter) {
      counter = this.registry.counter(EDGE_RECORDS, { node, from_node: from.node, from_port: from.port });
      cacheCounter(this.edges, node, from.node, from.port, counter);
    }
    counter.inc();
    if (arrival.broadcast) this.internal(node, BROADCAST);
  }

  /** A source read a record from its topic and decoded it (passed) or not (dead-lettered with the reason). */
  sourceRead(node: string, failure: string | undefined): void {
    this.outcome(node, failure === undefined ? 'passed' : 'dead-lettered', failure ?? '');
  }

  settled(node: string, arrival: Arrival, settlement: Settlement): void {
    if (settlement.extra > 0) this.internal(node, 'extra-output', settlement.extra);
    if (settlement.outcome === 'handed-on') return;
    if (arrival.kind === 'hop' && arrival.fromTimer) return; // no input of the node's own behind it
    const broadcast = arrival.kind === 'copy' || (arrival.kind === 'edge' && arrival.broadcast === true);
    // A copy of a broadcast delete that found nothing settles nothing: the fold counts the deletes no copy applied.
    if (broadcast && settlement.outcome === 'passed') this.outcome(node, 'passed', BROADCAST_PASSED);
    else if (!broadcast) this.outcome(node, settlement.outcome, settlement.reason);
  }

  /** Records a stage emitted out of the node on a timer. */
  timerOutput(node: string, count: number): void {
    if (count > 0) this.internal(node, 'timer-output', count);
  }

  private outcome(node: string, outcome: Outcome, reason: string): void {
    let counter = cachedCounter(this.outcomes, node, outcome, reason);
    if (!counter) {
      counter = this.registry.counter(NODE_OUTCOMES, { node, outcome, reason });
      cacheCounter(this.outcomes, node, outcome, reason, counter);
    }
    counter.inc();
  }

  private internal(node: string, kind: InternalKind | typeof BROADCAST, by = 1): void {
    let counter = cachedCounter(this.internals, node, kind, '');
    if (!counter) {
      counter = this.registry.counter(NODE_INTERNAL, { node, kind });
      cacheCounter(this.internals, node, kind, '', counter);
    }
    counter.inc(by);
  }
}

type CounterCache = Map<string, Map<string, Map<string, Counter>>>;

function cachedCounter(cache: CounterCache, a: string, b: string, c: string): Counter | undefined {
  return cache.get(a)?.get(b)?.get(c);
}

function cacheCounter(cache: CounterCache, a: string, b: string, c: string, counter: Counter): void {
  let byB = cache.get(a);
  if (!byB) {
    byB = new Map();
    cache.set(a, byB);
  }
  let byC = byB.get(b);
  if (!byC) {
    byC = new Map();
    byB.set(b, byC);
  }
  byC.set(c, counter);
}

/** Records an operator call sent out of the node (ports, sink writes) and handed to the node's next stage. */
export function outputsOf(stage: StagePlan, frame: Frame): { out: number; handedOn: number } {
  let out = frame.produced.length + frame.rows.length;
  let handedOn = 0;
  for (const { port } of frame.emits) {
    if (isInternalPort(stage, port)) handedOn++;
    else out++;
  }
  return { out, handedOn };
}

/** What became of an operator call's input, from what the call did (the frame). */
export function settlementOf(stage: StagePlan, frame: Frame): Settlement {
  const { out, handedOn } = outputsOf(stage, frame);
  const extra = Math.max(0, out - 1);
  if (frame.inputDeadLettered) {
    const reason = frame.deadLetters.find((letter) => letter.record === frame.input)?.reason ?? 'dead-lettered';
    return { outcome: reason === LATE_REASON ? 'late' : 'dead-lettered', reason, extra };
  }
  if (out > 0) return { outcome: 'passed', reason: '', extra };
  if (handedOn > 0) return { outcome: 'handed-on', reason: '', extra: 0 };
  if (frame.holdReason !== undefined) return { outcome: 'held', reason: frame.holdReason, extra: 0 };
  if (frame.dropReason !== undefined) return { outcome: 'dropped', reason: frame.dropReason, extra: 0 };
  return { outcome: 'unaccounted', reason: '', extra: 0 };
}
