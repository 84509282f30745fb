// Node-RED-style harness: a tiny pipeline as JSON, validated like a pipeline
// file, compiled with the real node implementations, run in the memory driver.

import type { CompileOptions } from '../../engine/compile.ts';
import { MemoryDriver } from '../../engine/memory-driver.ts';
import type { Plan } from '../../engine/plan.ts';
import { validatePipeline } from '../../index.ts';
import { compilePipeline } from '../index.ts';

export interface HarnessNode {
  id: string;
  type: string;
  config: Record<string, unknown>;
}

/** `edges` as `from->to` or `from:port->to` (into port `in`). */
export function pipelineJson(nodes: HarnessNode[], edges: string[], id = 'test') {
  return {
    format: 1,
    id,
    name: id,
    nodes,
    edges: edges.map((edge) => {
      const [from = '', to = ''] = edge.split('->');
      const [node = '', port = 'out'] = from.split(':');
      return { from: { node, port }, to: { node: to, port: 'in' } };
    }),
  };
}

export function planFor(json: unknown, options?: CompileOptions): Plan {
  const validation = validatePipeline(json);
  if (!validation.ok) throw new Error(`invalid pipeline: ${JSON.stringify(validation.issues, null, 2)}`);
  const compiled = compilePipeline(validation.pipeline, options);
  if (!compiled.ok) throw new Error(`cannot compile: ${JSON.stringify(compiled.issues, null, 2)}`);
  return compiled.plan;
}

/** Runs `source(reviews) → node under test → sink.kafka(out)` style pipelines; one partition unless told. */
export function harness(nodes: HarnessNode[], edges: string[], options: CompileOptions = { defaultPartitions: 1 }): MemoryDriver {
  return new MemoryDriver(planFor(pipelineJson(nodes, edges), options), { startTime: Date.UTC(2026, 0, 1) });
}

export const reviewsSource: HarnessNode = {
  id: 'reviews',
  type: 'source.kafka',
  config: { topic: 'reviews', format: 'json', keyField: 'id' },
};
export const sinkTo = (id: string, topic: string): HarnessNode => ({ id, type: 'sink.kafka', config: { topic } });
