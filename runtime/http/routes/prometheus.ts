// GET /metrics in Prometheus' text format: the same cluster-wide figures the API and the canvas show (summed over
// every worker process), per node and port, the accounting of each node's inputs, processing time, lag per
// partition, and this process's own Kafka fetches. Any runtime process answers the same (but for the last).
import type { FastifyInstance } from 'fastify';
import type { NodeTotals } from '../../../shared/api/pipeline-metrics.ts';
import {
  BYTES,
  EDGE_RECORDS,
  ERRORS,
  KEYS,
  LAG,
  NODE_INTERNAL,
  NODE_OUTCOMES,
  PROCESSING_TIME,
  RECORDS_IN,
  RECORDS_OUT,
  SINK_RETRIES,
} from '../../../shared/engine/metric-names.ts';
import type { PipelineThroughput } from '../../control/cluster-metrics.ts';
import { exposition, type MetricFamily, PROMETHEUS_CONTENT_TYPE, type Sample } from '../prometheus-text.ts';

type Exposed = ReturnType<PipelineThroughput['exposition']>[number];

const family = (name: string, type: MetricFamily['type'], help: string): MetricFamily => ({ name, type, help, samples: [] });

function outcomeSamples(pipeline: string, node: string, totals: NodeTotals): Sample[] {
  const { accounting } = totals;
  const samples: Sample[] = [{ labels: { pipeline, node, outcome: 'passed', reason: '' }, value: accounting.passedOn }];
  const each = (outcome: string, byReason: Record<string, number>) => {
    for (const [reason, value] of Object.entries(byReason)) samples.push({ labels: { pipeline, node, outcome, reason }, value });
  };
  each('dropped', accounting.dropped);
  each('dead-lettered', accounting.deadLettered);
  each('held', accounting.held);
  samples.push({ labels: { pipeline, node, outcome: 'late', reason: '' }, value: accounting.late });
  samples.push({ labels: { pipeline, node, outcome: 'unaccounted', reason: '' }, value: accounting.unaccounted });
  return samples;
}

export function clusterFamilies(pipelines: Exposed[], fetches: Record<string, number>): MetricFamily[] {
  const recordsIn = family(RECORDS_IN, 'counter', 'Records a node took in: the sum over its input edges (a source: read).');
  const recordsOut = family(RECORDS_OUT, 'counter', 'Records that left a node on a port (a sink: written).');
  const edges = family(EDGE_RECORDS, 'counter', 'Records of an edge the target node took in.');
  const outcomes = family(
    NODE_OUTCOMES,
    'counter',
    "What became of a node's inputs: passed, dropped, dead-lettered, late, held, unaccounted.",
  );
  const internal = family(
    NODE_INTERNAL,
    'counter',
    'Traffic inside a node, never its in or out (its own repartitions, broadcast copies, timer output, extra outputs).',
  );
  const errors = family(ERRORS, 'counter', 'Operator failures.');
  const retries = family(SINK_RETRIES, 'counter', "Failed attempts to write a sink's batch, each retried.");
  const time = family(PROCESSING_TIME, 'histogram', 'Time an operator took per record, in milliseconds.');
  const lag = family(
    LAG,
    'gauge',
    "Records waiting in a source partition: last stable offset minus the pipeline group's committed offset.",
  );
  const keys = family(KEYS, 'gauge', 'Keys in the state of a node.');
  const bytes = family(BYTES, 'gauge', 'Approximate bytes of the state of a node.');
  const workers = family('sluice_workers', 'gauge', 'Worker processes reporting on a pipeline, alive or silent past the timeout.');
  const fetched = family('sluice_kafka_fetches_total', 'counter', "Fetch requests of this process's consumers (per broker), by consumer.");
  for (const { pipelineId: pipeline, totals, lag: sourceLag, workers: reports } of pipelines) {
    for (const [node, figures] of Object.entries(totals.nodes)) {
      recordsIn.samples.push({ labels: { pipeline, node }, value: figures.in });
      for (const [port, value] of Object.entries(figures.out)) recordsOut.samples.push({ labels: { pipeline, node, port }, value });
      outcomes.samples.push(...outcomeSamples(pipeline, node, figures));
      for (const [kind, value] of Object.entries(figures.internal)) internal.samples.push({ labels: { pipeline, node, kind }, value });
      errors.samples.push({ labels: { pipeline, node }, value: figures.errors });
      retries.samples.push({ labels: { pipeline, node }, value: figures.sinkRetries });
      if (figures.keys !== undefined) keys.samples.push({ labels: { pipeline, node }, value: figures.keys });
      if (figures.bytes !== undefined) bytes.samples.push({ labels: { pipeline, node }, value: figures.bytes });
      const processing = figures.processingTime;
      if (processing) {
        for (const bucket of processing.buckets)
          time.samples.push({ suffix: '_bucket', labels: { pipeline, node, le: bucket.le }, value: bucket.count });
        time.samples.push({ suffix: '_sum', labels: { pipeline, node }, value: processing.sumMs });
        time.samples.push({ suffix: '_count', labels: { pipeline, node }, value: processing.count });
      }
    }
    for (const edge of totals.edges)
      edges.samples.push({
        labels: { pipeline, node: edge.to.node, from_node: edge.from.node, from_port: edge.from.port },
        value: edge.received,
      });
    for (const [node, source] of Object.entries(sourceLag))
      for (const partition of source.partitions)
        lag.samples.push({ labels: { pipeline, node, topic: source.topic, partition: partition.partition }, value: partition.lag });
    const alive = reports.filter((worker) => worker.alive).length;
    workers.samples.push(
      { labels: { pipeline, state: 'alive' }, value: alive },
      { labels: { pipeline, state: 'silent' }, value: reports.length - alive },
    );
  }
  for (const [consumer, value] of Object.entries(fetches)) fetched.samples.push({ labels: { consumer }, value });
  return [recordsIn, recordsOut, edges, outcomes, internal, errors, retries, time, lag, keys, bytes, workers, fetched];
}

export function prometheusRoute(
  app: FastifyInstance,
  throughput: PipelineThroughput | undefined,
  fetches: () => Record<string, number>,
): void {
  app.get('/metrics', async (_request, reply) =>
    reply.type(PROMETHEUS_CONTENT_TYPE).send(exposition(clusterFamilies(throughput?.exposition() ?? [], fetches()))),
  );
}
