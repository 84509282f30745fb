// The composition root: wires the Kafka, PostgreSQL and control implementations
// into the one RuntimeControl the HTTP layer sees. `npm start` and the contract tests use it.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Pipeline, sinkTopicsOf, sourceTopicsOf, validatePipeline } from '../../shared/index.ts';
import { ClusterMetrics } from '../control/cluster-metrics.ts';
import { FileHistory } from '../control/history-file.ts';
import { LiveEndpoints } from '../control/live-endpoints.ts';
import { PipelineRegistry } from '../control/pipeline-registry.ts';
import type { RuntimeControl } from '../control/runtime-control.ts';
import { PipelineSupervisor } from '../control/supervisor.ts';
import { createKafka } from '../kafka/client.ts';
import { kafkaClusterSources } from '../kafka/cluster-sources.ts';
import { KafkaEndpointConnections } from '../kafka/endpoint-connections.ts';
import { fetchCounts } from '../kafka/fetch-counter.ts';
import { checkKafka } from '../kafka/health.ts';
import { deleteNodeChangelogs, kafkaExecutor } from '../kafka/kafka-executor.ts';
import { KafkaPipelineStore, PIPELINES_TOPIC } from '../kafka/kafka-pipeline-store.ts';
import { deletePipelineResources, internalTopicPrefix } from '../kafka/pipeline-cleanup.ts';
import { repoRoot } from '../local/project-root.ts';
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
  /** The desired-state topic, so tests can run several runtimes on one cluster without sharing pipelines. */
  topics?: { pipelines?: string };
  env?: NodeJS.ProcessEnv;
  /** How long an ingest write may wait for Kafka before the API answers 503 (SLUICE_WRITE_TIMEOUT_MS; 5 s by default). */
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
      cleanUp: async (pipeline, { sinks, signal }) => {
        // The topics it reads and writes are data, not internals, whatever their names: its sink topics and the ingest
        // topics named after it go only when asked; a topic it reads from elsewhere never does.
        const reads = sourceTopicsOf(pipeline).map((read) => read.topic);
        const own = [...sinkTopicsOf(pipeline), ...reads.filter((topic) => topic.startsWith(internalTopicPrefix(pipeline.id)))];
        await deletePipelineResources(admin, pipeline.id, { sinkTopics: sinks ? own : [], keep: [...own, ...reads], signal });
      },
    });
    await supervisor.open(options.initialPipeline);
    closers.push(() => supervisor.close());
    const throughput = new ClusterMetrics(registry, kafkaClusterSources(kafka, admin), {
      history: new FileHistory(options.historyDirectory ?? join(dataDir(), 'metrics-history')),
    });
    throughput.start();
    closers.push(() => throughput.close());
    const connections = new KafkaEndpointConnections(kafka, admin, { timeoutMs: options.writeTimeoutMs });
    closers.push(() => connections.close());
    const endpoints = new LiveEndpoints(() => supervisor.list(), connections);
    endpoints.start();
    closers.push(async () => endpoints.close());
    return {
      control: {
        pipelines: supervisor,
        endpoints,
        throughput,
        // Writes must succeed on every topic an endpoint writes: one without a leader is a failing health check.
        kafkaHealth: () => checkKafka(options.brokers, 3000, connections.ingestTopics()),
        kafkaFetches: fetchCounts,
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
