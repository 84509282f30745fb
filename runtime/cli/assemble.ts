// The composition root: wires the Kafka, PostgreSQL and control implementations
// into the one RuntimeControl the HTTP layer sees. `npm start` and the contract tests use it.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Pipeline, sinkTopicsOf, validatePipeline } from '../../shared/index.ts';
import { ClusterMetrics } from '../control/cluster-metrics.ts';
import type { CourseStatsValue } from '../control/course-stats.ts';
import { FileHistory } from '../control/history-file.ts';
import { PipelineRegistry } from '../control/pipeline-registry.ts';
import type { RuntimeControl } from '../control/runtime-control.ts';
import { PipelineSupervisor } from '../control/supervisor.ts';
import { createKafka } from '../kafka/client.ts';
import { kafkaClusterSources } from '../kafka/cluster-sources.ts';
import { CompactedView } from '../kafka/compacted-view.ts';
import { fetchCounts } from '../kafka/fetch-counter.ts';
import { checkKafka } from '../kafka/health.ts';
import { deleteNodeChangelogs, kafkaExecutor } from '../kafka/kafka-executor.ts';
import { KafkaPipelineStore, PIPELINES_TOPIC } from '../kafka/kafka-pipeline-store.ts';
import { deletePipelineResources } from '../kafka/pipeline-cleanup.ts';
import { KafkaReviewWriter, REVIEWS_TOPIC } from '../kafka/review-writer.ts';
import { repoRoot } from '../local/kafka/broker.ts';
import { PostgresSinks } from '../postgres/sink-executor.ts';
import { forgetPipelineState } from '../state/local-state-scope.ts';
import { CommandError } from './command.ts';
import { dataDir } from './database-url.ts';
import { readPipelineResource } from './resources.ts';

export async function defaultPipeline(): Promise<Pipeline> {
  const result = validatePipeline(JSON.parse(await readFile(join(repoRoot, 'pipelines', 'review-stats.json'), 'utf8')));
  if (!result.ok)
    throw new CommandError('pipelines/review-stats.json is invalid: run `npm run sluice -- validate pipelines/review-stats.json`');
  return result.pipeline;
}

export interface RuntimeOptions {
  /** Where tasks keep their stores on disk (LMDB): under SLUICE_DATA_DIR by default. */
  stateDirectory?: string;
  /** Where the 24-hour throughput history is kept: under SLUICE_DATA_DIR by default. */
  historyDirectory?: string;
  brokers: string[];
  /** Deployed when the store holds no pipeline yet; none for an empty runtime. */
  initialPipeline?: Pipeline;
  /** Topic names, so tests can run several runtimes on one cluster without sharing state. */
  topics?: { pipelines?: string; reviews?: string; courseStats?: string };
  env?: NodeJS.ProcessEnv;
  /** How long a review write may wait for Kafka before the API answers 503 (SLUICE_WRITE_TIMEOUT_MS; 5 s by default). */
  writeTimeoutMs?: number;
}

export interface AssembledRuntime {
  control: RuntimeControl;
  close(): Promise<void>;
}

export async function assembleRuntime(options: RuntimeOptions): Promise<AssembledRuntime> {
  const closers: (() => Promise<unknown>)[] = [];
  const close = async () => {
    for (const step of closers.reverse()) await step().catch(() => {});
  };
  try {
    const kafka = createKafka(options.brokers);
    const admin = kafka.admin();
    await admin.connect();
    closers.push(() => admin.disconnect());
    const reviewsTopic = options.topics?.reviews ?? REVIEWS_TOPIC;
    const reviews = new KafkaReviewWriter(kafka, { topic: reviewsTopic, timeoutMs: options.writeTimeoutMs });
    await reviews.ensureTopic(admin);
    closers.push(() => reviews.close());
    const store = new KafkaPipelineStore(kafka, admin, options.topics?.pipelines ?? PIPELINES_TOPIC);
    await store.ensureTopic();
    closers.push(() => store.close());
    const sinks = new PostgresSinks(options.env);
    closers.push(() => sinks.close());
    const registry = new PipelineRegistry(store);
    const stateDirectory = options.stateDirectory ?? join(dataDir(), 'state');
    const supervisor = new PipelineSupervisor(registry, store, {
      createExecutor: (pipeline, version, stateEpochs) =>
        kafkaExecutor(kafka, admin, pipeline, version, {
          stateEpochs,
          executeSinks: sinks.execute,
          isolateSinks: sinks.isolate,
          readResource: readPipelineResource,
          stateDirectory,
        }),
      forgetLocalState: (pipelineId) => void forgetPipelineState(stateDirectory, pipelineId),
      resetStores: async (pipelineId, nodes) => void (await deleteNodeChangelogs(admin, pipelineId, nodes)),
      cleanUp: async (pipeline, { sinks, signal }) =>
        void (await deletePipelineResources(admin, pipeline.id, { sinkTopics: sinks ? sinkTopicsOf(pipeline) : [], signal })),
    });
    await supervisor.open(options.initialPipeline);
    closers.push(() => supervisor.close());
    const throughput = new ClusterMetrics(registry, kafkaClusterSources(kafka, admin), {
      history: new FileHistory(options.historyDirectory ?? join(dataDir(), 'metrics-history')),
    });
    throughput.start();
    closers.push(() => throughput.close());
    const courseStats = new CompactedView<CourseStatsValue>(
      kafka,
      admin,
      options.topics?.courseStats ?? 'course-stats',
      (value) => JSON.parse(value) as CourseStatsValue,
    );
    await courseStats.open();
    closers.push(() => courseStats.close());
    return {
      control: {
        reviews,
        pipelines: supervisor,
        throughput,
        courseStats,
        kafkaHealth: () => checkKafka(options.brokers, 3000, [reviewsTopic]),
        kafkaFetches: fetchCounts,
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
