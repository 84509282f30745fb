// Per-node figures for the designer and the API, folded from the registry's
// per-stage series: a node with several stages reports as one box on the canvas.
import { catalog } from '../catalog/index.ts';
import type { Pipeline, PipelineNode } from '../schema/pipeline.ts';
import {
  BYTES,
  type CounterSnapshot,
  DLQ,
  DROPPED,
  ERRORS,
  KEYS,
  LAG,
  type MetricsSnapshot,
  RECORDS_IN,
  RECORDS_OUT,
  SINK_RETRIES,
} from './metrics.ts';

export interface Rate {
  total: number;
  rate1s: number;
  rate1m: number;
  rate5m: number;
}

export interface NodeMetrics {
  in: Rate;
  out: Record<string, Rate>;
  errors: number;
  dropped: number;
  dlq: number;
  /** Failed attempts to write a sink's batch, retried (an outage, or refused rows before they were dead-lettered). */
  sinkRetries: number;
  lag?: number;
  keys?: number;
  bytes?: number;
}

const zero = (): Rate => ({ total: 0, rate1s: 0, rate1m: 0, rate5m: 0 });

function add(rate: Rate, counter: CounterSnapshot): void {
  rate.total += counter.total;
  rate.rate1s += counter.rates['1s'];
  rate.rate1m += counter.rates['1m'];
  rate.rate5m += counter.rates['5m'];
}

function outputPorts(node: PipelineNode): Set<string> {
  const declaration = catalog[node.type] as { outputs(config: unknown): { name: string }[] };
  return new Set(declaration.outputs(node.config).map((port) => port.name));
}

export function nodeMetrics(snapshot: MetricsSnapshot, pipeline: Pipeline): Record<string, NodeMetrics> {
  const result: Record<string, NodeMetrics> = {};
  const ports = new Map(pipeline.nodes.map((node) => [node.id, outputPorts(node)]));
  for (const node of pipeline.nodes) result[node.id] = { in: zero(), out: {}, errors: 0, dropped: 0, dlq: 0, sinkRetries: 0 };
  // A node's input is what its first stage took in: the stage that took in the most.
  const inByStage = new Map<string, { node: string; rate: Rate }>();
  for (const counter of snapshot.counters) {
    const node = counter.labels.node;
    const metrics = node === undefined ? undefined : result[node];
    if (!metrics || node === undefined) continue;
    if (counter.name === RECORDS_IN) {
      const key = `${node}\u0000${counter.labels.stage ?? ''}`;
      const entry = inByStage.get(key) ?? { node, rate: zero() };
      add(entry.rate, counter); // summed over the tasks (partitions) of the stage
      inByStage.set(key, entry);
    } else if (counter.name === RECORDS_OUT) {
      const port = counter.labels.port ?? 'out';
      if (!ports.get(node)?.has(port)) continue; // between stages of one node
      metrics.out[port] ??= zero();
      add(metrics.out[port], counter);
    } else if (counter.name === ERRORS) metrics.errors += counter.total;
    else if (counter.name === DROPPED) metrics.dropped += counter.total;
    else if (counter.name === DLQ) metrics.dlq += counter.total;
    else if (counter.name === SINK_RETRIES) metrics.sinkRetries += counter.total;
  }
  for (const { node, rate } of inByStage.values()) {
    const metrics = result[node];
    if (metrics && rate.total >= metrics.in.total) metrics.in = rate;
  }
  for (const gauge of snapshot.gauges) {
    const metrics = gauge.labels.node === undefined ? undefined : result[gauge.labels.node];
    if (!metrics) continue;
    if (gauge.name === KEYS) metrics.keys = (metrics.keys ?? 0) + gauge.value;
    else if (gauge.name === BYTES) metrics.bytes = (metrics.bytes ?? 0) + gauge.value;
    else if (gauge.name === LAG) metrics.lag = (metrics.lag ?? 0) + gauge.value;
  }
  return result;
}
