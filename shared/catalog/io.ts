// What a pipeline's nodes read and write outside it, from their declarations: the topics its sources read (the
// runtime creates the missing ones, the preview feeds them) and the topics and tables its sinks write.
import type { Pipeline, PipelineNode } from '../schema/pipeline.ts';
import type { ExternalOutput, SourceTopic } from './declaration.ts';
import { declarationOf } from './index.ts';

type Placed = Pick<Pipeline, 'id'>;

export function topicsReadBy(node: PipelineNode, pipeline: Placed): SourceTopic[] {
  return declarationOf(node.type).reads?.(node.config, { pipelineId: pipeline.id, nodeId: node.id }) ?? [];
}

export function outputsWrittenBy(node: PipelineNode, pipeline: Placed): ExternalOutput[] {
  return declarationOf(node.type).writes?.(node.config, { pipelineId: pipeline.id, nodeId: node.id }) ?? [];
}

/** Every topic the pipeline's sources read, once each (the first partition count asked for wins). */
export function sourceTopicsOf(pipeline: Pick<Pipeline, 'id' | 'nodes'>): SourceTopic[] {
  const byName = new Map<string, SourceTopic>();
  for (const read of pipeline.nodes.flatMap((node) => topicsReadBy(node, pipeline)))
    if (!byName.has(read.topic)) byName.set(read.topic, read);
  return [...byName.values()];
}

/** Every topic the pipeline's sinks write, once each. */
export function sinkTopicsOf(pipeline: Pick<Pipeline, 'id' | 'nodes'>): string[] {
  const topics = pipeline.nodes.flatMap((node) => outputsWrittenBy(node, pipeline).filter((output) => output.kind === 'topic'));
  return [...new Set(topics.map((output) => output.name))];
}
