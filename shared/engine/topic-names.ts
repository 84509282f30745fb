// Internal topic names, in one place so the drivers, the CLI and the tests agree.

export const repartitionTopicName = (pipelineId: string, stageId: string) => `sluice.${pipelineId}.${stageId}.repartition`;
export const changelogTopicName = (pipelineId: string, nodeId: string, store: string) =>
  `sluice.${pipelineId}.${nodeId}.${store}.changelog`;
export const dlqTopicName = (pipelineId: string) => `sluice.${pipelineId}.dlq`;
export const taskIdOf = (pipelineId: string, subTopology: number, partition: number) => `${pipelineId}.${subTopology}.${partition}`;
/** A node with one stage is addressed by its node id; a stage of a node with several by `<node>.<stage>`. */
export const stageIdOf = (nodeId: string, stage: string, stagesInNode: number) => (stagesInNode === 1 ? nodeId : `${nodeId}.${stage}`);
