// The supervisor's executor on Kafka: one PipelineRunner per deployed version.

import type { Admin, Kafka } from 'kafkajs';
import type { Pipeline } from '../../shared/index.ts';
import type { PipelineExecutor, TaskStatus } from '../control/deployment.ts';
import type { StateEpochs } from '../control/state-epochs.ts';
import type { SinkExecutor, SinkIsolator } from './engine-tasks.ts';
import { PipelineRunner } from './pipeline-runner.ts';

export interface KafkaExecutorOptions {
  executeSinks: SinkExecutor;
  isolateSinks?: SinkIsolator;
  readResource?: (path: string) => string;
  /** Where tasks keep their stores on disk (LMDB). */
  stateDirectory?: string;
  /** When each stateful node's state began (state-epochs.ts). */
  stateEpochs?: StateEpochs;
}

export function kafkaExecutor(
  kafka: Kafka,
  admin: Admin,
  pipeline: Pipeline,
  version: number,
  options: KafkaExecutorOptions,
): PipelineExecutor {
  const runner = new PipelineRunner(kafka, admin, pipeline, {
    executeSinks: options.executeSinks,
    isolateSinks: options.isolateSinks,
    readResource: options.readResource,
    stateDirectory: options.stateDirectory,
    stateEpochs: options.stateEpochs,
    version,
  });
  return {
    taps: runner.taps,
    provision: async () => {
      await runner.provision();
    },
    start: async ({ onTasks }) => {
      const states = new Map<string, TaskStatus>();
      runner.events.onAssignment = (ids) => {
        for (const id of [...states.keys()]) if (!ids.includes(id)) states.delete(id);
        for (const id of ids) if (!states.has(id)) states.set(id, { state: 'claiming' });
        onTasks(new Map(states));
      };
      runner.events.onStateChange = (id, state, reason) => {
        if (!states.has(id)) return;
        states.set(id, { state, reason });
        onTasks(new Map(states));
      };
      await runner.start();
    },
    stop: () => runner.stop(),
  };
}

/** Deletes the changelog topics of the given nodes: their state starts empty. */
export async function deleteNodeChangelogs(admin: Admin, pipelineId: string, nodeIds: string[]): Promise<string[]> {
  const prefixes = nodeIds.map((node) => `sluice.${pipelineId}.${node}.`);
  const topics = (await admin.listTopics()).filter(
    (topic) => topic.endsWith('.changelog') && prefixes.some((prefix) => topic.startsWith(prefix)),
  );
  if (topics.length > 0) await admin.deleteTopics({ topics });
  return topics;
}
