// A pipeline of any size for scale tests: a source, a chain of filters, a sink, laid out on a grid.
import type { MetricsSnapshot, NodeMetrics } from '../api/types.ts';
import type { DesignDocument, DraftNode } from '../store/document.ts';

export function chainOf(size: number): DesignDocument {
  const ids = Array.from({ length: size }, (_, i) => (i === 0 ? 'source' : i === size - 1 ? 'sink' : `filter${i}`));
  const nodes: DraftNode[] = ids.map((id, i) => {
    if (i === 0) return { id, type: 'source.kafka', config: { topic: 'reviews', format: 'json' } };
    if (i === size - 1) return { id, type: 'sink.kafka', config: { topic: 'out' } };
    return { id, type: 'filter', config: { expression: `rating >= ${i % 5}` } };
  });
  return {
    format: 1,
    id: 'large',
    name: `${size} nodes`,
    nodes,
    edges: ids.slice(1).map((id, i) => ({ from: { node: ids[i] ?? '', port: 'out' }, to: { node: id, port: 'in' } })),
    layout: { nodes: Object.fromEntries(ids.map((id, i) => [id, { x: (i % 20) * 240, y: Math.floor(i / 20) * 140 }])) },
  };
}

/** One metrics frame: every node at `rate` records/s in and out, except those given their own rate. */
export function metricsFrame(doc: DesignDocument, rate: number, overrides: Record<string, number> = {}): MetricsSnapshot {
  const figures = (value: number): NodeMetrics => ({
    in: { total: value * 60, rate: value },
    out: { out: { total: value * 60, rate: value } },
    accounting: { in: value * 60, passedOn: value * 60, dropped: {}, deadLettered: {}, late: 0, held: {}, unaccounted: 0, inFlight: 0 },
    internal: { 'stage-hop': 0, 'broadcast-copy': 0, 'timer-output': 0, 'extra-output': 0 },
    errors: 0,
    sinkRetries: 0,
  });
  const rateOf = (id: string) => overrides[id] ?? rate;
  return {
    pipelineId: doc.id,
    at: new Date(0).toISOString(),
    running: true,
    rateWindowSeconds: 10,
    workers: [],
    nodes: Object.fromEntries(doc.nodes.map((node) => [node.id, figures(rateOf(node.id))])),
    edges: doc.edges.map((edge) => ({
      from: edge.from,
      to: edge.to,
      sent: rateOf(edge.from.node) * 60,
      received: rateOf(edge.from.node) * 60,
      rate: rateOf(edge.from.node),
    })),
  };
}
