// Reads what a memory-driver run did into what the preview panel shows: per node what came in, what left on each
// port or was written, what was dropped or dead-lettered; and every spam verdict with its reasons.
import type { MemoryDriver } from '../../runtime/engine/memory-driver.ts';
import type { SpamReason } from '../../runtime/nodes/spam-filter/reason.ts';
import type { NodeTotals } from '../../shared/api/pipeline-metrics.ts';
import { declarationOf, type Pipeline, type PipelineNode } from '../../shared/index.ts';
import type { NodePreview, PreviewResult, SpamVerdict } from './preview-types.ts';

export function previewOf(pipeline: Pipeline, driver: MemoryDriver, metrics: Record<string, NodeTotals>): PreviewResult {
  return {
    status: 'ok',
    nodes: pipeline.nodes.map((node) => nodePreview(node, driver, metrics[node.id])),
    spam: pipeline.nodes.flatMap((node) => (node.type === 'spam-filter' ? spamVerdicts(node.id, node.config.idField, driver) : [])),
  };
}

function nodePreview(node: PipelineNode, driver: MemoryDriver, metrics: NodeTotals | undefined): NodePreview {
  const ports = declarationOf(node.type).outputs(node.config);
  return {
    nodeId: node.id,
    nodeType: node.type,
    received: metrics?.in ?? 0,
    outputs: ports.map(({ name }) => ({ port: name, values: driver.emitted(node.id, name).map((record) => record.value) })),
    written: writtenBy(node, driver),
    dropped: driver.trace.flatMap((event) =>
      event.kind === 'dropped' && event.node === node.id ? [{ reason: event.reason, value: event.record.value }] : [],
    ),
    deadLettered: driver.trace.flatMap((event) =>
      event.kind === 'dead-lettered' && event.node === node.id ? [{ reason: event.reason, error: event.error }] : [],
    ),
  };
}

function writtenBy(node: PipelineNode, driver: MemoryDriver): NodePreview['written'] {
  if (node.type === 'sink.kafka')
    return { kind: 'topic', name: node.config.topic, values: driver.output(node.config.topic).map((record) => record.value) };
  if (node.type === 'sink.postgres') return { kind: 'table', name: node.config.table, values: driver.tables.rows(node.config.table) };
  return undefined;
}

function spamVerdicts(nodeId: string, idField: string, driver: MemoryDriver): SpamVerdict[] {
  return driver.emitted(nodeId, 'spam').flatMap(({ value }) => {
    if (value === null) return []; // a deleted review is announced on both ports
    return [
      {
        nodeId,
        id: String(value[idField] ?? ''),
        title: typeof value.title === 'string' ? value.title : '',
        reasons: Array.isArray(value.spamReasons) ? (value.spamReasons as SpamReason[]) : [],
      },
    ];
  });
}
