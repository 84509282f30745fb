// A pipeline's throughput as the runtime reports it and the designer shows it: cluster-wide totals since the running
// version was deployed (summed over every worker process), rates over a window named in the answer, all taken at one
// instant. The engine folds its counters into PipelineTotals (runtime/engine/node-figures.ts); the runtime adds rates,
// lag, workers and history (runtime/control/cluster-metrics.ts).

/** Records that passed through a node without being its input or its output: kept apart from in and out. */
export const INTERNAL_KINDS = ['stage-hop', 'broadcast-copy', 'timer-output', 'extra-output'] as const;
export type InternalKind = (typeof INTERNAL_KINDS)[number];

export const INTERNAL_KIND_DOCS: Record<InternalKind, string> = {
  'stage-hop': "records between the node's own stages (directly, or through its repartition topics)",
  'broadcast-copy': 'copies of a delete sent to every partition of the node (only one of them holds the record)',
  'timer-output': 'records the node emitted on its own timers (a window expiring), part of its out',
  'extra-output': 'records beyond one per input (a retraction before a new version, a delete announced on two ports), part of its out',
};

/**
 * What became of the records a node took in. The identity, checked on every node:
 * in = passedOn + dropped + deadLettered + late + held + unaccounted + inFlight.
 */
export interface NodeAccounting {
  in: number;
  /** Inputs that led to at least one record on an output port (or a row or record a sink wrote). */
  passedOn: number;
  /** Dropped on purpose, by reason (filter-false, identical-version, older-version, tombstone-ignored, …). */
  dropped: Record<string, number>;
  /** Sent to the pipeline's dead-letter topic, by reason. */
  deadLettered: Record<string, number>;
  /** Too late for a window: on the dead-letter topic too, with reason `late`. */
  late: number;
  /** Kept in the node's state to count later (a future-dated review), by reason. */
  held: Record<string, number>;
  /** Inputs an operator neither passed on, dropped, held nor dead-lettered: a bug, always shown in red. */
  unaccounted: number;
  /** Taken in but not settled yet: on the way between the node's own stages. Zero once traffic stops. */
  inFlight: number;
}

export interface ProcessingTime {
  count: number;
  sumMs: number;
  /** Cumulative counts per upper bound in ms, the last one +Inf (Prometheus' `le`). */
  buckets: { le: number; count: number }[];
}

export interface NodeTotals {
  /** The sum over the node's input edges; for a source, the records read from its topic. */
  in: number;
  /** Per output port, what left on it; a sink's writes are its port `written`. */
  out: Record<string, number>;
  accounting: NodeAccounting;
  internal: Record<InternalKind, number>;
  /** Operator failures (thrown in process or onTimer). */
  errors: number;
  /** Failed attempts to write a sink's batch, each retried. */
  sinkRetries: number;
  keys?: number;
  bytes?: number;
  processingTime?: ProcessingTime;
}

export interface EdgeTotals {
  from: { node: string; port: string };
  to: { node: string; port: string };
  /** Records that left the source port. */
  sent: number;
  /** Records of that port the target took in: equal to `sent` once nothing is on the way. */
  received: number;
}

export interface PipelineTotals {
  nodes: Record<string, NodeTotals>;
  edges: EdgeTotals[];
}

/** A total since deploy and its rate over the answer's window. */
export interface Figure {
  total: number;
  /** Records per second over the last `rateWindowSeconds`. */
  rate: number;
}

export interface PartitionLag {
  partition: number;
  /** The last stable offset: what a read_committed consumer can read up to. */
  end: number;
  /** The pipeline group's committed offset (-1: none yet). */
  committed: number;
  lag: number;
}

export interface SourceLag {
  topic: string;
  /** Records waiting: the sum over partitions of end − committed, read from the broker. */
  total: number;
  partitions: PartitionLag[];
  /** When the broker was asked. */
  at: string;
}

export interface NodeLive extends Omit<NodeTotals, 'in' | 'out'> {
  in: Figure;
  out: Record<string, Figure>;
  lag?: SourceLag;
}

export interface EdgeLive extends EdgeTotals {
  /** Records per second that left the source port over the window. */
  rate: number;
}

export interface WorkerReport {
  id: string;
  /** When its last report arrived (a heartbeat or a committed batch). */
  lastSeen: string;
  /** False once it has been silent longer than the timeout: its totals still count, its rates no longer. */
  alive: boolean;
  tasks: string[];
}

export interface PipelineMetrics {
  pipelineId: string;
  /** The instant every figure of this answer was taken at. */
  at: string;
  /** The version running (or stopped); totals count since it was deployed. */
  version?: number;
  deployedAt?: string;
  running: boolean;
  rateWindowSeconds: number;
  workers: WorkerReport[];
  nodes: Record<string, NodeLive>;
  edges: EdgeLive[];
}

/** One point of a pipeline's history: per node, its rates over the interval that ended at `at`, and a source's lag. */
export interface HistoryPoint {
  at: number;
  version: number;
  nodes: Record<string, { in: number; out: number; lag?: number }>;
}

export type LifecycleKind = 'deployed' | 'stopped' | 'started';

export interface LifecycleEvent {
  at: string;
  kind: LifecycleKind;
  version: number;
}

export interface PipelineHistory {
  pipelineId: string;
  /** Seconds between points. */
  intervalSeconds: number;
  points: HistoryPoint[];
  events: LifecycleEvent[];
}

/** A dead letter as the DLQ topic's headers describe it. */
export interface DeadLetter {
  node: string;
  reason: string;
  error?: string;
  at: string;
  key: string | null;
  /** The record's value, shortened. */
  value: string | null;
  source?: { topic: string; partition: number; offset: number };
}
