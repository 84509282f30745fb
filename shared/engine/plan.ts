// The compiled form of a pipeline: Kafka Streams' topology description plus the
// topics, stores and tasks a driver needs. Data, except `spec`/`decode` which the
// tasks call to build their operators.
import type { NodeType } from '../catalog/index.ts';
import type { Pipeline } from '../schema/pipeline.ts';
import type { DecodeResult, StageSpec } from './node-implementation.ts';
import type { Partitioning } from './partitioning.ts';
import type { RawRecord, TopicPartition } from './record.ts';
import type { SinkTarget } from './sink-write.ts';

export type TopicRole = 'source' | 'sink' | 'repartition' | 'changelog' | 'dlq';

export interface TopicPlan {
  name: string;
  partitions: number;
  config: Record<string, string>;
  role: TopicRole;
}

/** Where records of one output port go. */
export type PortTarget =
  /** Straight into a stage of the same sub-topology, in the same call. */
  | { kind: 'stage'; stage: string }
  /** Through a repartition topic to a stage of another sub-topology. */
  | { kind: 'repartition'; topic: string; partitions: number; stage: string };

export interface StorePlan {
  /** `<node>.<store>`: unique in the pipeline. */
  id: string;
  name: string;
  node: string;
  stage: string;
  changelogTopic: string;
  subTopology: number;
  partitions: number;
}

export interface StagePlan {
  /** The node id, or `<node>.<stage>` for a node with several stages. */
  id: string;
  node: string;
  nodeType: NodeType;
  stage: string;
  subTopology: number;
  inputPartitioning: Partitioning;
  outputPartitioning: Partitioning;
  stores: StorePlan[];
  /** Per output port; a port without targets is counted and its records go nowhere. */
  wiring: Record<string, PortTarget[]>;
  sinkTarget?: SinkTarget;
  spec: StageSpec;
}

export interface SourcePlan {
  node: string;
  topic: string;
  startFrom: 'earliest' | 'latest';
  partitioning: Partitioning;
  targets: PortTarget[];
  decode(raw: RawRecord): DecodeResult;
}

export type SubTopologyInput =
  | { kind: 'source'; topic: string; sources: string[] }
  | { kind: 'repartition'; topic: string; stage: string; partitionedBy: Partitioning };

export interface SubTopologyPlan {
  id: number;
  /** One input topic per sub-topology: kafkajs' assigner cannot co-partition several. */
  input: SubTopologyInput;
  partitions: number;
  /** Stage ids in topological order. */
  stages: string[];
}

export interface TaskPlan extends TopicPartition {
  id: string;
  subTopology: number;
  changelogs: (TopicPartition & { store: string })[];
}

export interface PartitionSettings {
  /** Partitions assumed for source topics whose count is not given, and for internal topics. */
  default: number;
  /** Partitions of the sub-topologies fed by repartition topics (and of their topics). */
  internal: number;
}

export interface Plan {
  pipeline: Pipeline;
  pipelineId: string;
  partitions: PartitionSettings;
  sources: SourcePlan[];
  stages: Record<string, StagePlan>;
  subTopologies: SubTopologyPlan[];
  topics: TopicPlan[];
  stores: StorePlan[];
  tasks: TaskPlan[];
  dlqTopic: string;
}

/** The task that consumes an input partition (each input topic feeds exactly one sub-topology). */
export function taskFor(plan: Plan, input: TopicPartition): TaskPlan | undefined {
  return plan.tasks.find((task) => task.topic === input.topic && task.partition === input.partition);
}

export function taskById(plan: Plan, id: string): TaskPlan | undefined {
  return plan.tasks.find((task) => task.id === id);
}

/**
 * The topics a worker subscribes to, one per sub-topology. Internal topics are read
 * from the beginning; a source topic shared by several source nodes starts at the
 * earliest position any of them asks for.
 */
export function inputTopics(plan: Plan): { topic: string; fromBeginning: boolean }[] {
  return plan.subTopologies.map((sub) => ({
    topic: sub.input.topic,
    fromBeginning:
      sub.input.kind === 'repartition' ||
      plan.sources.some((source) => source.topic === sub.input.topic && source.startFrom === 'earliest'),
  }));
}
