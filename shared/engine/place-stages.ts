// Step two of compiling: put every stage in a sub-topology and wire the ports.
// A stage joins the sub-topology of its input when that input is partitioned the
// way it needs; otherwise a repartition topic starts a new sub-topology for it.
// A stateless stage (no stores, no key needed) fed from several sub-topologies is
// not merged through a topic: it runs as a replica in each of them, the way a
// stateless Kafka Streams processor would run in every task that feeds it.
import { type Partitioning, samePartitioning } from './partitioning.ts';
import type { PartitionSettings, PortTarget, SourcePlan, StagePlan, SubTopologyPlan } from './plan.ts';
import type { GraphStage, Producer } from './stage-graph.ts';
import { repartitionTopicName } from './topic-names.ts';

interface Placement {
  subTopology: number;
  partitioning: Partitioning;
}

interface Replica extends Placement {
  id: string;
  joined: boolean;
}

export interface PlacementInput {
  pipelineId: string;
  partitions: PartitionSettings;
  subTopologies: SubTopologyPlan[];
  sources: SourcePlan[];
  /** Where each source node's records are: its topic's sub-topology. */
  sourcePlacements: Map<string, Placement>;
}

export function placeStages(stagesInOrder: GraphStage[], input: PlacementInput): Record<string, StagePlan> {
  const stages: Record<string, StagePlan> = {};
  const replicasOf = new Map<string, Replica[]>();
  const placementsOf = (from: Producer): Placement[] => {
    if (from.kind === 'source') {
      const placement = input.sourcePlacements.get(from.node);
      return placement ? [placement] : [];
    }
    return replicasOf.get(from.stage) ?? [];
  };

  for (const stage of stagesInOrder) {
    const incoming = stage.inputs.flatMap((edge) => placementsOf(edge.from));
    if (incoming.length === 0) continue; // nothing can reach it: not part of the plan
    const subs = [...new Set(incoming.map((placement) => placement.subTopology))];
    const floats = stage.spec.partitionBy === undefined && (stage.spec.stores ?? []).length === 0 && subs.length > 1;
    const groups = floats ? subs.map((sub) => incoming.filter((placement) => placement.subTopology === sub)) : [incoming];
    const replicas = groups.map((group) => {
      const id = groups.length === 1 ? stage.id : `${stage.id}#${group[0]?.subTopology}`;
      const placement = placeStage(stage, id, group, input);
      const output = stage.spec.outputPartitioning?.(placement.partitioning) ?? placement.partitioning;
      input.subTopologies[placement.subTopology]?.stages.push(id);
      stages[id] = {
        id,
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
      return { id, joined: placement.joined, subTopology: placement.subTopology, partitioning: output };
    });
    replicasOf.set(stage.id, replicas);
  }

  // Wire every producer's ports to the stages they feed: directly within a sub-topology, or through a repartition topic.
  for (const stage of stagesInOrder) {
    for (const replica of replicasOf.get(stage.id) ?? []) {
      const sub = input.subTopologies[replica.subTopology];
      if (!sub) continue;
      for (const edge of stage.inputs) {
        const producers: { subTopology: number; targets: PortTarget[] }[] =
          edge.from.kind === 'source'
            ? sourceTargets(input, edge.from.node)
            : (replicasOf.get(edge.from.stage) ?? []).map((producer) => {
                const plan = stages[producer.id];
                const targets = plan?.wiring[edge.port] ?? [];
                if (plan) plan.wiring[edge.port] = targets;
                return { subTopology: producer.subTopology, targets };
              });
        for (const producer of producers) {
          if (replica.joined && producer.subTopology !== replica.subTopology) continue;
          producer.targets.push(
            replica.joined
              ? { kind: 'stage', stage: replica.id }
              : { kind: 'repartition', topic: sub.input.topic, partitions: sub.partitions, stage: replica.id },
          );
        }
      }
    }
  }
  return stages;
}

function sourceTargets(input: PlacementInput, node: string): { subTopology: number; targets: PortTarget[] }[] {
  const source = input.sources.find((candidate) => candidate.node === node);
  const placement = input.sourcePlacements.get(node);
  return source && placement ? [{ subTopology: placement.subTopology, targets: source.targets }] : [];
}

function placeStage(stage: GraphStage, id: string, incoming: Placement[], input: PlacementInput): Placement & { joined: boolean } {
  const needed = stage.spec.partitionBy?.by;
  const first = incoming[0];
  const oneSub = first !== undefined && incoming.every((placement) => placement.subTopology === first.subTopology);
  const fits = needed === undefined || incoming.every((placement) => samePartitioning(placement.partitioning, needed));
  if (first && oneSub && fits) {
    const agreed = incoming.every((placement) => samePartitioning(placement.partitioning, first.partitioning));
    return { subTopology: first.subTopology, partitioning: needed ?? (agreed ? first.partitioning : { kind: 'unknown' }), joined: true };
  }
  // A new sub-topology fed by a repartition topic keyed by what the stage needs (by record key when it merely merges).
  const partitionedBy: Partitioning = needed ?? { kind: 'record-key' };
  const sub: SubTopologyPlan = {
    id: input.subTopologies.length,
    input: { kind: 'repartition', topic: repartitionTopicName(input.pipelineId, id), stage: id, partitionedBy },
    partitions: input.partitions.internal,
    stages: [],
  };
  input.subTopologies.push(sub);
  return { subTopology: sub.id, partitioning: partitionedBy, joined: false };
}
