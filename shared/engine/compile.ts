// compile(pipeline) → plan | issues. Cuts the stage graph into sub-topologies at
// every point where a stage needs its input partitioned differently from how it
// arrives (or where a stateful stage's inputs come from several sub-topologies),
// inserting a repartition topic there, the way Kafka Streams does for a re-keyed groupBy.
import type { Pipeline } from '../schema/pipeline.ts';
import type { NodeEnvironment, NodeFactories } from './node-implementation.ts';
import { hashText } from './partitioner.ts';
import type { Partitioning } from './partitioning.ts';
import { placeStages } from './place-stages.ts';
import type { PartitionSettings, Plan, SourcePlan, SubTopologyPlan } from './plan.ts';
import { planTopicsAndTasks } from './plan-topics.ts';
import { buildStageGraph, type CompileIssue } from './stage-graph.ts';

export type { CompileIssue } from './stage-graph.ts';

export interface CompileOptions {
  /** Known partition counts of source topics (the Kafka driver reads them from the cluster first). */
  sourcePartitions?: Record<string, number>;
  /** Default: the largest known source partition count, or 3 (sink.kafka's default) when none is known. */
  defaultPartitions?: number;
  /** Partitions of repartition-fed sub-topologies and their topics. Default: defaultPartitions. */
  internalPartitions?: number;
  env?: Partial<NodeEnvironment>;
}

export type CompileResult = { ok: true; plan: Plan } | { ok: false; issues: CompileIssue[] };

export const FALLBACK_PARTITIONS = 3;

function partitionSettings(options: CompileOptions): PartitionSettings {
  const known = Object.values(options.sourcePartitions ?? {});
  const fallback = options.defaultPartitions ?? (known.length > 0 ? Math.max(...known) : FALLBACK_PARTITIONS);
  return { default: fallback, internal: options.internalPartitions ?? fallback };
}

export function compile(pipeline: Pipeline, factories: NodeFactories, options: CompileOptions = {}): CompileResult {
  const env: NodeEnvironment = { pipelineId: pipeline.id, hashText, ...options.env };
  const { graph, issues } = buildStageGraph(pipeline, factories, env);
  if (issues.length > 0) return { ok: false, issues };
  const partitions = partitionSettings(options);

  const subTopologies: SubTopologyPlan[] = [];
  // Where each source node's records live and how they are partitioned.
  const placed = new Map<string, { subTopology: number; partitioning: Partitioning }>();
  const sources: SourcePlan[] = [];
  const byTopic = new Map<string, SubTopologyPlan>();
  for (const { node, implementation } of graph.sources) {
    let sub = byTopic.get(implementation.topic);
    if (!sub) {
      const count = options.sourcePartitions?.[implementation.topic] ?? partitions.default;
      sub = {
        id: subTopologies.length,
        input: { kind: 'source', topic: implementation.topic, sources: [] },
        partitions: count,
        stages: [],
      };
      subTopologies.push(sub);
      byTopic.set(implementation.topic, sub);
    }
    if (sub.input.kind === 'source') sub.input.sources.push(node.id);
    placed.set(node.id, { subTopology: sub.id, partitioning: implementation.partitioning });
    sources.push({
      node: node.id,
      topic: implementation.topic,
      startFrom: implementation.startFrom,
      partitioning: implementation.partitioning,
      targets: [],
      decode: implementation.decode,
    });
  }

  const stages = placeStages(graph.stages, { pipelineId: pipeline.id, partitions, subTopologies, sources, sourcePlacements: placed });
  return { ok: true, plan: planTopicsAndTasks({ pipeline, partitions, sources, stages, subTopologies }, graph) };
}
