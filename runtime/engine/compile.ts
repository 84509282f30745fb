// compile(pipeline) → plan | issues. Cuts the stage graph into sub-topologies at
// every point where a stage needs its input partitioned differently from how it
// arrives (or where inputs from several sub-topologies meet), inserting a
// repartition topic there, the way Kafka Streams does for a re-keyed groupBy.
import type { Pipeline } from '../../shared/index.ts';
import type { NodeEnvironment, NodeFactories } from './node-implementation.ts';
import { hashText } from './partitioner.ts';
import { type Partitioning, samePartitioning } from './partitioning.ts';
import type { PartitionSettings, Plan, PortTarget, SourcePlan, StagePlan, SubTopologyPlan } from './plan.ts';
import { planTopicsAndTasks } from './plan-topics.ts';
import { buildStageGraph, type CompileIssue, type GraphStage, type Producer } from './stage-graph.ts';
import { repartitionTopicName } from './topic-names.ts';

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

const producerKey = (producer: Producer) => (producer.kind === 'source' ? `source:${producer.node}` : `stage:${producer.stage}`);

export function compile(pipeline: Pipeline, factories: NodeFactories, options: CompileOptions = {}): CompileResult {
  const env: NodeEnvironment = { pipelineId: pipeline.id, hashText, ...options.env };
  const { graph, issues } = buildStageGraph(pipeline, factories, env);
  if (issues.length > 0) return { ok: false, issues };
  const partitions = partitionSettings(options);

  const subTopologies: SubTopologyPlan[] = [];
  // Where each producer's records live and how they are partitioned.
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
    placed.set(producerKey({ kind: 'source', node: node.id }), { subTopology: sub.id, partitioning: implementation.partitioning });
    sources.push({
      node: node.id,
      topic: implementation.topic,
      startFrom: implementation.startFrom,
      partitioning: implementation.partitioning,
      targets: [],
      decode: implementation.decode,
    });
  }

  const stages: Record<string, StagePlan> = {};
  const joins = new Map<string, boolean>();
  for (const stage of graph.stages) {
    const incoming = stage.inputs.map((input) => placed.get(producerKey(input.from))).filter((input) => input !== undefined);
    if (incoming.length === 0) continue; // nothing can reach it: not part of the plan
    const placement = placeStage(stage, incoming, partitions, pipeline.id, subTopologies);
    joins.set(stage.id, placement.joined);
    const subTopology = subTopologies[placement.subTopology];
    subTopology?.stages.push(stage.id);
    const output = stage.spec.outputPartitioning?.(placement.partitioning) ?? placement.partitioning;
    placed.set(producerKey({ kind: 'stage', stage: stage.id }), { subTopology: placement.subTopology, partitioning: output });
    stages[stage.id] = {
      id: stage.id,
      node: stage.node.id,
      nodeType: stage.node.type,
      stage: stage.spec.name,
      subTopology: placement.subTopology,
      inputPartitioning: placement.partitioning,
      outputPartitioning: output,
      stores: [],
      wiring: {},
      sinkTarget: stage.implementation.sinkTarget,
      spec: stage.spec,
    };
  }

  // Wire every producer's ports to the stages they feed: directly, or through the stage's repartition topic.
  for (const stage of graph.stages) {
    const plan = stages[stage.id];
    const sub = plan && subTopologies[plan.subTopology];
    if (!plan || !sub) continue;
    const target: PortTarget = joins.get(stage.id)
      ? { kind: 'stage', stage: stage.id }
      : { kind: 'repartition', topic: sub.input.topic, partitions: sub.partitions, stage: stage.id };
    for (const input of stage.inputs) {
      if (input.from.kind === 'source') {
        const from = input.from.node;
        sources.find((source) => source.node === from)?.targets.push(target);
        continue;
      }
      const producer = stages[input.from.stage];
      if (!producer) continue;
      producer.wiring[input.port] ??= [];
      producer.wiring[input.port]?.push(target);
    }
  }
  return { ok: true, plan: planTopicsAndTasks({ pipeline, partitions, sources, stages, subTopologies }, graph) };
}

function placeStage(
  stage: GraphStage,
  incoming: { subTopology: number; partitioning: Partitioning }[],
  partitions: PartitionSettings,
  pipelineId: string,
  subTopologies: SubTopologyPlan[],
): { subTopology: number; partitioning: Partitioning; joined: boolean } {
  const needed = stage.spec.partitionBy?.by;
  const first = incoming[0];
  const oneSub = first !== undefined && incoming.every((input) => input.subTopology === first.subTopology);
  const fits = needed === undefined || incoming.every((input) => samePartitioning(input.partitioning, needed));
  if (first && oneSub && fits) {
    const agreed = incoming.every((input) => samePartitioning(input.partitioning, first.partitioning));
    return { subTopology: first.subTopology, partitioning: needed ?? (agreed ? first.partitioning : { kind: 'unknown' }), joined: true };
  }
  // A new sub-topology fed by a repartition topic keyed by what the stage needs (by record key when it merely merges).
  const partitionedBy: Partitioning = needed ?? { kind: 'record-key' };
  const sub: SubTopologyPlan = {
    id: subTopologies.length,
    input: { kind: 'repartition', topic: repartitionTopicName(pipelineId, stage.id), stage: stage.id, partitionedBy },
    partitions: partitions.internal,
    stages: [],
  };
  subTopologies.push(sub);
  return { subTopology: sub.id, partitioning: partitionedBy, joined: false };
}
