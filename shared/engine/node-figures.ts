// A pipeline's figures per node and per edge, folded from a metrics snapshot (one task's, one worker's, or the
// cluster's sum): a node with several stages reports as one box, internal traffic apart from its in and out.
import type { NodeTotals, PipelineTotals } from '../api/pipeline-metrics.ts';
import { declarationOf } from '../catalog/index.ts';
import type { Pipeline, PipelineNode } from '../schema/pipeline.ts';
import {
  BYTES,
  type CounterSnapshot,
  EDGE_RECORDS,
  ERRORS,
  KEYS,
  type MetricsSnapshot,
  NODE_INTERNAL,
  NODE_OUTCOMES,
  PROCESSING_TIME,
  RECORDS_IN,
  RECORDS_OUT,
  SINK_RETRIES,
} from './metrics.ts';
import { BROADCAST, BROADCAST_PASSED } from './node-accounting.ts';

/** A sink's records written count as its output port of this name. */
export const WRITTEN_PORT = 'written';
/** The dead-letter reason of rows a database refused after the sink had passed them on. */
const SINK_REFUSED = 'sink-refused';

function emptyTotals(node: PipelineNode): NodeTotals {
  const ports = declarationOf(node.type).outputs(node.config as never);
  const out: Record<string, number> = {};
  for (const port of ports) out[port.name] = 0;
  if (ports.length === 0 && node.type.startsWith('sink.')) out[WRITTEN_PORT] = 0;
  return {
    in: 0,
    out,
    accounting: { in: 0, passedOn: 0, dropped: {}, deadLettered: {}, late: 0, held: {}, unaccounted: 0, inFlight: 0 },
    internal: { 'stage-hop': 0, 'broadcast-copy': 0, 'timer-output': 0, 'extra-output': 0 },
    errors: 0,
    sinkRetries: 0,
  };
}

const edgeKey = (node: string, fromNode: string, fromPort: string) => `${node}\u0000${fromNode}\u0000${fromPort}`;
const sum = (values: Record<string, number>) => Object.values(values).reduce((total, value) => total + value, 0);
const add = (into: Record<string, number>, key: string, by: number) => {
  into[key] = (into[key] ?? 0) + by;
};

interface Tally {
  passed: number;
  passedCopies: number;
  broadcasts: number;
  refused: number;
}

function foldCounter(totals: NodeTotals, tally: Tally, counter: CounterSnapshot, received: Record<string, number>): void {
  const { labels, total } = counter;
  const node = labels.node ?? '';
  switch (counter.name) {
    case RECORDS_IN:
      if (labels.stage === 'source') totals.in += total;
      return;
    case RECORDS_OUT: {
      const port = labels.port === 'sink' ? WRITTEN_PORT : (labels.port ?? '');
      if (port in totals.out) add(totals.out, port, total); // other ports lead to the node's own next stage
      return;
    }
    case EDGE_RECORDS:
      totals.in += total;
      add(received, edgeKey(node, labels.from_node ?? '', labels.from_port ?? ''), total);
      return;
    case NODE_OUTCOMES:
      foldOutcome(totals, tally, labels.outcome ?? '', labels.reason ?? '', total);
      return;
    case NODE_INTERNAL:
      if (labels.kind === BROADCAST) tally.broadcasts += total;
      else if (labels.kind !== undefined && labels.kind in totals.internal) add(totals.internal, labels.kind, total);
      return;
    case ERRORS:
      totals.errors += total;
      return;
    case SINK_RETRIES:
      totals.sinkRetries += total;
      return;
    default:
  }
}

function foldOutcome(totals: NodeTotals, tally: Tally, outcome: string, reason: string, total: number): void {
  const { accounting } = totals;
  if (outcome === 'passed') {
    tally.passed += total;
    if (reason === BROADCAST_PASSED) tally.passedCopies += total;
  } else if (outcome === 'dropped') add(accounting.dropped, reason, total);
  else if (outcome === 'held') add(accounting.held, reason, total);
  else if (outcome === 'late') accounting.late += total;
  else if (outcome === 'unaccounted') accounting.unaccounted += total;
  else if (outcome === 'dead-lettered') {
    add(accounting.deadLettered, reason, total);
    if (reason === SINK_REFUSED) tally.refused += total;
  }
}

function settle(totals: NodeTotals, tally: Tally): void {
  const { accounting } = totals;
  accounting.in = totals.in;
  // A broadcast delete is settled by the copy that found its record; one that no copy found was ignored.
  const ignored = Math.max(0, tally.broadcasts - tally.passedCopies);
  if (ignored > 0) add(accounting.dropped, 'tombstone-ignored', ignored);
  accounting.passedOn = tally.passed - tally.refused; // a row the database refused was passed on first
  const settled =
    accounting.passedOn +
    sum(accounting.dropped) +
    sum(accounting.deadLettered) +
    accounting.late +
    sum(accounting.held) +
    accounting.unaccounted;
  accounting.inFlight = accounting.in - settled;
}

export function pipelineTotals(snapshot: MetricsSnapshot, pipeline: Pipeline): PipelineTotals {
  const nodes: Record<string, NodeTotals> = {};
  const tallies = new Map<string, Tally>();
  for (const node of pipeline.nodes) {
    nodes[node.id] = emptyTotals(node);
    tallies.set(node.id, { passed: 0, passedCopies: 0, broadcasts: 0, refused: 0 });
  }
  const received: Record<string, number> = {};
  for (const counter of snapshot.counters) {
    const node = counter.labels.node;
    const totals = node === undefined ? undefined : nodes[node];
    const tally = node === undefined ? undefined : tallies.get(node);
    if (totals && tally) foldCounter(totals, tally, counter, received);
  }
  for (const [id, totals] of Object.entries(nodes)) settle(totals, tallies.get(id) as Tally);
  for (const gauge of snapshot.gauges) {
    const totals = gauge.labels.node === undefined ? undefined : nodes[gauge.labels.node];
    if (!totals) continue;
    if (gauge.name === KEYS) totals.keys = (totals.keys ?? 0) + gauge.value;
    else if (gauge.name === BYTES) totals.bytes = (totals.bytes ?? 0) + gauge.value;
  }
  for (const histogram of snapshot.histograms) {
    const totals = histogram.labels.node === undefined ? undefined : nodes[histogram.labels.node];
    if (!totals || histogram.name !== PROCESSING_TIME) continue;
    const time = totals.processingTime ?? {
      count: 0,
      sumMs: 0,
      buckets: [...histogram.bounds, Number.POSITIVE_INFINITY].map((le) => ({ le, count: 0 })),
    };
    time.count += histogram.count;
    time.sumMs += histogram.sum;
    let cumulative = 0;
    histogram.counts.forEach((count, index) => {
      cumulative += count;
      const bucket = time.buckets[index];
      if (bucket) bucket.count += cumulative;
    });
    totals.processingTime = time;
  }
  const edges = pipeline.edges.map((edge) => ({
    from: edge.from,
    to: edge.to,
    sent: nodes[edge.from.node]?.out[edge.from.port] ?? 0,
    received: received[edgeKey(edge.to.node, edge.from.node, edge.from.port)] ?? 0,
  }));
  return { nodes, edges };
}

export interface IdentityProblem {
  /** A node whose inputs do not add up, or an edge whose ends differ. */
  where: string;
  problem: string;
}

/** What breaks the identities once nothing is on the way: every node settled, every edge the same at both ends. */
export function identityProblems(totals: PipelineTotals): IdentityProblem[] {
  const problems: IdentityProblem[] = [];
  for (const [node, { accounting }] of Object.entries(totals.nodes)) {
    if (accounting.unaccounted !== 0) problems.push({ where: node, problem: `${accounting.unaccounted} unaccounted` });
    if (accounting.inFlight !== 0)
      problems.push({ where: node, problem: `in ${accounting.in} but ${accounting.in - accounting.inFlight} settled` });
  }
  for (const edge of totals.edges) {
    if (edge.sent !== edge.received)
      problems.push({
        where: `${edge.from.node}.${edge.from.port} → ${edge.to.node}`,
        problem: `${edge.sent} sent, ${edge.received} received`,
      });
  }
  return problems;
}
