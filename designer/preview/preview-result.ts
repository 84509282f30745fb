// Reads what a memory-driver run did into what the preview panel shows: per node what came in, what left on each
// port or was written, what was dropped or dead-lettered; and every spam verdict with its reasons.
import type { NodeTotals } from '../../shared/api/pipeline-metrics.ts';
import type { MemoryDriver } from '../../shared/engine/memory-driver.ts';
import { declarationOf, outputsWrittenBy, type Pipeline, type PipelineNode } from '../../shared/index.ts';
import type { SpamReason } from '../../shared/nodes/spam-filter/reason.ts';
import type { NodePreview, PreviewResult, SpamVerdict } from './preview-types.ts';

export function previewOf(pipeline: Pipeline, driver: MemoryDriver, metrics: Record<string, NodeTotals>): PreviewResult {
  return {
    status: 'ok',
    nodes: pipeline.nodes.map((node) => nodePreview(node, pipeline, driver, metrics[node.id])),
    spam: pipeline.nodes.flatMap((node) => (node.type === 'spam-filter' ? spamVerdicts(node.id, node.config.idField, driver) : [])),
  };
}

function nodePreview(node: PipelineNode, pipeline: Pipeline, driver: MemoryDriver, metrics: NodeTotals | undefined): NodePreview {
  const ports = declarationOf(node.type).outputs(node.config);
  return {
    nodeId: node.id,
    nodeType: node.type,
    received: metrics?.in ?? 0,
    outputs: ports.map(({ name }) => ({ port: name, values: driver.emitted(node.id, name).map((record) => record.value) })),
    written: writtenBy(node, pipeline, driver),
    dropped: driver.trace.flatMap((event) =>
      event.kind === 'dropped' && event.node === node.id ? [{ reason: event.reason, value: event.record.value }] : [],
    ),
    deadLettered: driver.trace.flatMap((event) =>
      event.kind === 'dead-lettered' && event.node === node.id ? [{ reason: event.reason, error: event.error }] : [],
    ),
  };
}

function writtenBy(node: PipelineNode, pipeline: Pipeline, driver: MemoryDriver): NodePreview['written'] {
  const [output] = outputsWrittenBy(node, pipeline);
  if (output?.kind === 'topic') return { ...output, values: driver.output(output.name).map((record) => record.value) };
  if (output?.kind === 'table') return { ...output, values: driver.tables.rows(output.name) };
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
