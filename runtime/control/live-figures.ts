// Cluster totals at two instants → what the API answers: totals since deploy, rates over the named window, one
// instant for every figure. Pure, so the arithmetic is tested without a broker.
import type {
  EdgeLive,
  Figure,
  HistoryPoint,
  NodeLive,
  NodeTotals,
  PipelineTotals,
  SourceLag,
  WorkerReport,
} from '../../shared/api/pipeline-metrics.ts';
import type { WorkerBeat } from './cluster-reports.ts';

/** The cluster's totals of one version at one instant. */
export interface Sample {
  at: number;
  version: number;
  totals: PipelineTotals;
}

const rateOf = (now: number, then: number | undefined, seconds: number) =>
  then === undefined || seconds <= 0 ? 0 : Math.max(0, (now - then) / seconds);

/** The sample to measure rates from: the oldest of the same version within the window (the window's start, or later). */
export function referenceSample(samples: readonly Sample[], latest: Sample, windowSeconds: number): Sample | undefined {
  const from = latest.at - windowSeconds * 1000;
  return samples.find((sample) => sample.version === latest.version && sample.at >= from - 500 && sample.at < latest.at);
}

function nodeLive(node: NodeTotals, before: NodeTotals | undefined, seconds: number, lag: SourceLag | undefined): NodeLive {
  const { in: inTotal, out, ...rest } = node;
  const figure = (total: number, then: number | undefined): Figure => ({ total, rate: rateOf(total, then, seconds) });
  return {
    ...rest,
    in: figure(inTotal, before?.in),
    out: Object.fromEntries(Object.entries(out).map(([port, total]) => [port, figure(total, before?.out[port])])),
    ...(lag ? { lag } : {}),
  };
}

export function liveNodes(
  latest: Sample,
  reference: Sample | undefined,
  lag: Record<string, SourceLag>,
): { nodes: Record<string, NodeLive>; edges: EdgeLive[] } {
  const seconds = reference ? (latest.at - reference.at) / 1000 : 0;
  const nodes: Record<string, NodeLive> = {};
  for (const [id, node] of Object.entries(latest.totals.nodes)) nodes[id] = nodeLive(node, reference?.totals.nodes[id], seconds, lag[id]);
  const edges = latest.totals.edges.map((edge, index) => ({
    ...edge,
    rate: rateOf(edge.sent, reference?.totals.edges[index]?.sent, seconds),
  }));
  return { nodes, edges };
}

/** A worker that stopped on purpose deleted its entry; one silent for an hour is not worth listing any more. */
const FORGET_SILENT_MS = 3600_000;

export function workerReports(beats: Iterable<WorkerBeat>, now: number, timeoutMs: number): WorkerReport[] {
  return [...beats]
    .filter((beat) => now - beat.at <= FORGET_SILENT_MS)
    .map((beat) => ({
      id: beat.worker,
      lastSeen: new Date(beat.at).toISOString(),
      alive: now - beat.at <= timeoutMs,
      tasks: beat.tasks,
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** A history point: each node's rates in and out (all ports) between two samples, and the sources' lag. */
export function historyPoint(latest: Sample, reference: Sample, lag: Record<string, SourceLag>): HistoryPoint {
  const seconds = (latest.at - reference.at) / 1000;
  const nodes: HistoryPoint['nodes'] = {};
  const outOf = (node: NodeTotals | undefined) => Object.values(node?.out ?? {}).reduce((sum, total) => sum + total, 0);
  for (const [id, node] of Object.entries(latest.totals.nodes)) {
    const before = reference.totals.nodes[id];
    const round = (value: number) => Math.round(value * 100) / 100;
    nodes[id] = {
      in: round(rateOf(node.in, before?.in, seconds)),
      out: round(rateOf(outOf(node), outOf(before), seconds)),
      ...(lag[id] ? { lag: lag[id].total } : {}),
    };
  }
  return { at: latest.at, version: latest.version, nodes };
}
