// Step three of compiling: the stores with their changelogs, every topic the
// plan reads or writes (with its role, partitions and configs), and the tasks.
import type { Pipeline } from '../schema/pipeline.ts';
import type { PartitionSettings, Plan, SourcePlan, StagePlan, StorePlan, SubTopologyPlan, TaskPlan, TopicPlan } from './plan.ts';
import type { StageGraph } from './stage-graph.ts';
import { changelogTopicName, dlqTopicName, taskIdOf } from './topic-names.ts';

/** Changelogs keep the last value per key forever; compaction is what makes restore bounded. */
const CHANGELOG_CONFIG = { 'cleanup.policy': 'compact' };
/**
 * Never deleted by time or size: records carry their event time as timestamp, and a backfill of
 * two-year-old reviews would otherwise fall to retention before the next stage reads it. The
 * driver purges what the pipeline has committed past instead (delete-records, as Kafka Streams
 * does since KIP-204).
 */
export const REPARTITION_CONFIG = { 'cleanup.policy': 'delete', 'retention.ms': '-1', 'retention.bytes': '-1' };
/** Dead letters are kept until someone looks at them: no time-based deletion. */
export const DLQ_CONFIG = { 'cleanup.policy': 'delete', 'retention.ms': '-1', 'retention.bytes': '-1' };

interface Draft {
  pipeline: Pipeline;
  partitions: PartitionSettings;
  sources: SourcePlan[];
  stages: Record<string, StagePlan>;
  subTopologies: SubTopologyPlan[];
}

export function planTopicsAndTasks(draft: Draft, graph: StageGraph): Plan {
  const pipelineId = draft.pipeline.id;
  const stores: StorePlan[] = [];
  for (const stage of Object.values(draft.stages)) {
    const sub = draft.subTopologies[stage.subTopology];
    for (const declaration of stage.spec.stores ?? []) {
      const store: StorePlan = {
        id: `${stage.node}.${declaration.name}`,
        name: declaration.name,
        node: stage.node,
        stage: stage.stage,
        changelogTopic: changelogTopicName(pipelineId, stage.node, declaration.name),
        subTopology: stage.subTopology,
        partitions: sub?.partitions ?? draft.partitions.default,
      };
      stage.stores.push(store);
      stores.push(store);
    }
  }

  const topics: TopicPlan[] = [];
  const add = (topic: TopicPlan) => {
    if (!topics.some((known) => known.name === topic.name)) topics.push(topic);
  };
  for (const sub of draft.subTopologies) {
    if (sub.input.kind === 'source') add({ name: sub.input.topic, partitions: sub.partitions, config: {}, role: 'source' });
    else add({ name: sub.input.topic, partitions: sub.partitions, config: { ...REPARTITION_CONFIG }, role: 'repartition' });
  }
  const plannedNodes = new Set(Object.values(draft.stages).map((stage) => stage.node));
  for (const stage of graph.stages) {
    if (!plannedNodes.has(stage.node.id)) continue;
    for (const topic of stage.implementation.sinkTopics ?? []) add({ ...topic, config: { ...topic.config }, role: 'sink' });
  }
  for (const store of stores)
    add({ name: store.changelogTopic, partitions: store.partitions, config: { ...CHANGELOG_CONFIG }, role: 'changelog' });
  const dlqTopic = dlqTopicName(pipelineId);
  add({ name: dlqTopic, partitions: draft.partitions.default, config: { ...DLQ_CONFIG }, role: 'dlq' });

  const tasks: TaskPlan[] = [];
  for (const sub of draft.subTopologies) {
    const subStores = stores.filter((store) => store.subTopology === sub.id);
    for (let partition = 0; partition < sub.partitions; partition++) {
      tasks.push({
        id: taskIdOf(pipelineId, sub.id, partition),
        subTopology: sub.id,
        topic: sub.input.topic,
        partition,
        changelogs: subStores.map((store) => ({ store: store.id, topic: store.changelogTopic, partition })),
      });
    }
  }
  return { ...draft, pipelineId, stores, topics, tasks, dlqTopic };
}
