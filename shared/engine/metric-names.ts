// Metric names, defined once. Labels: `node` (node id), `stage` (for nodes with
// several stages), `port` (output port, or `sink` for records a sink wrote).

export const RECORDS_IN = 'sluice_records_in_total';
/** Records emitted, per port: a stateful node may emit on timers too, so this is not "inputs handled". */
export const RECORDS_OUT = 'sluice_records_out_total';
/** Inputs whose processing emitted (or wrote) at least one record: the "out" of the accounting identity. */
export const RECORDS_FORWARDED = 'sluice_records_forwarded_total';
/** Inputs a rule dropped on purpose (a filter that said false, a tombstone a sink ignores). */
export const DROPPED = 'sluice_records_dropped_total';
/** Operator failures: thrown exceptions in process or onTimer. */
export const ERRORS = 'sluice_errors_total';
export const DLQ = 'sluice_records_dead_lettered_total';
/** Inputs that were neither forwarded, dropped nor dead-lettered: should stay 0; a node bug otherwise. */
export const UNACCOUNTED = 'sluice_records_unaccounted_total';
/** Failed attempts to write a sink's batch (label `kind`: outage or refused); each is retried. */
export const SINK_RETRIES = 'sluice_sink_retries_total';
/** Node level (node-accounting.ts): records a node took in over one edge (labels node, from_node, from_port). */
export const EDGE_RECORDS = 'sluice_edge_records_total';
/** Node level: what became of each input (labels node, outcome, reason), whichever of its stages settled it. */
export const NODE_OUTCOMES = 'sluice_node_outcomes_total';
/** Node level: traffic inside a node, never its in or out (labels node, kind). */
export const NODE_INTERNAL = 'sluice_node_internal_records_total';
export const PROCESSING_TIME = 'sluice_processing_time_ms';
export const KEYS = 'sluice_store_keys';
export const BYTES = 'sluice_store_bytes';
export const LAG = 'sluice_consumer_lag';

export const COUNTER_NAMES = [
  RECORDS_IN,
  RECORDS_OUT,
  RECORDS_FORWARDED,
  DROPPED,
  ERRORS,
  DLQ,
  UNACCOUNTED,
  SINK_RETRIES,
  EDGE_RECORDS,
  NODE_OUTCOMES,
  NODE_INTERNAL,
] as const;
export type CounterName = (typeof COUNTER_NAMES)[number];
export type GaugeName = typeof KEYS | typeof BYTES | typeof LAG;
export type HistogramName = typeof PROCESSING_TIME;

/** Upper bounds (ms) of the processing-time histogram; the last bucket is +Inf. */
export const PROCESSING_TIME_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 1000] as const;

export type Labels = Readonly<Record<string, string>>;
