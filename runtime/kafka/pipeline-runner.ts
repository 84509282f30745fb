// Runs one pipeline version on Kafka in this process: compile against the
// cluster's partition counts, provision topics, then join the pipeline's group.

import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Admin, Kafka } from 'kafkajs';
import type { MetricsRegistry, MetricsSnapshot } from '../../shared/engine/metrics.ts';
import type { Plan } from '../../shared/engine/plan.ts';
import { Taps } from '../../shared/engine/tap.ts';
import { type Pipeline, sourceTopicsOf } from '../../shared/index.ts';
import { compilePipeline } from '../../shared/nodes/index.ts';
import { mergeReports } from '../control/cluster-reports.ts';
import type { StateEpochs } from '../control/state-epochs.ts';
import { logger } from '../log/logger.ts';
import { clusterStateFolder } from '../state/local-state-scope.ts';
import { StateDirectory } from '../state/state-directory.ts';
import { engineTaskFactory, type SinkExecutor, type SinkIsolator } from './engine-tasks.ts';
import { PipelineWorker } from './pipeline-worker.ts';
import { clusterReplication } from './replication.ts';
import { retryWhileRetriable } from './retry.ts';
import { sessionTimeoutFromEnv } from './session-timeout.ts';
import { COUNTERS_TOPIC_CONFIG, countersPartitions, countersTopicName, reportBody } from './task-counters.ts';
import type { TaskEvents } from './task-handle.ts';
import { growPartitions, KEEP_FOREVER, partitionCounts, provisionTopics } from './topics.ts';
import { newWorkerId, WorkerHeartbeat } from './worker-heartbeat.ts';

const log = logger.child({ component: 'runner' });

export interface RunnerOptions extends TaskEvents {
  /** Where sink.postgres writes go (resolves `${env:NAME}` connections itself). */
  executeSinks: SinkExecutor;
  /** Writes row by row and returns the rows refused for good, so they can be dead-lettered. */
  isolateSinks?: SinkIsolator;
  /** Partitions for source topics that do not exist yet. */
  defaultPartitions?: number;
  onAssignment?: (taskIds: string[]) => void;
  /** The version this is of the pipeline (its counters count since it was deployed); `sluice run` runs version 0. */
  version?: number;
  /** Reads files a node names in its config (the spam model), relative to the pipelines folder. */
  readResource?: (path: string) => string;
  /** Where tasks keep their stores on disk (LMDB); a folder under the system's temporary one by default. */
  stateDirectory?: string;
  /**
   * When each stateful node's state began (the supervisor's state-epochs.ts): local files of another epoch are
   * restored over in full. `sluice run` of a file has none: its files are trusted per cluster, node config and task.
   */
  stateEpochs?: StateEpochs;
  /** How often repartition records committed past are deleted (30 s by default). */
  purgeIntervalMs?: number;
  /** The consumer group's session timeout: SLUICE_SESSION_TIMEOUT_MS, or 10 s (session-timeout.ts). */
  sessionTimeoutMs?: number;
  /** How often due timers (window expiry) are looked for; 250 ms by default. Batches never wait for it. */
  timerIntervalMs?: number;
}

export class PlanError extends Error {
  constructor(readonly issues: { path: string; message: string }[]) {
    super(`the pipeline does not compile: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`);
  }
}

export class PipelineRunner {
  /**
   * What this process counted: per task it holds or held, the latest counts (a task taken over starts from its
   * committed counters, so this is a view of one worker, not a share; the cluster's figures are cluster-sources.ts').
   */
  readonly metrics: { snapshot(): MetricsSnapshot };
  readonly workerId = newWorkerId();
  /** Settable until start(): the supervisor listens to task states through them. */
  readonly events: Pick<RunnerOptions, 'onAssignment' | 'onRestoreProgress' | 'onStateChange'>;
  readonly taps = new Taps();
  plan: Plan | undefined;
  private worker: PipelineWorker | undefined;
  private state: StateDirectory | undefined;
  private heartbeat: WorkerHeartbeat | undefined;
  private readonly taskMetrics = new Map<string, MetricsRegistry>();

  constructor(
    private readonly kafka: Kafka,
    private readonly admin: Admin,
    readonly pipeline: Pipeline,
    private readonly options: RunnerOptions,
  ) {
    this.metrics = { snapshot: () => mergeReports([...this.taskMetrics.values()].map(reportBody), Date.now()) };
    this.events = {
      onAssignment: options.onAssignment,
      onRestoreProgress: options.onRestoreProgress,
      onStateChange: options.onStateChange,
    };
  }

  get groupId(): string {
    return `sluice.${this.pipeline.id}`;
  }

  /** Compiles against the source topics as they exist (creating missing ones) and creates every topic the plan needs. */
  async provision(): Promise<Plan> {
    const reads = sourceTopicsOf(this.pipeline);
    const sourceTopics = reads.map((read) => read.topic);
    // Checked first: a pipeline that asks for more replicas than the cluster has fails here, before any topic exists.
    const replication = await clusterReplication(this.admin, this.pipeline.topics);
    const existing = new Set(await this.admin.listTopics());
    const missing = reads.filter((read) => !existing.has(read.topic));
    if (missing.length > 0) {
      await provisionTopics(
        this.admin,
        missing.map((read) => ({
          name: read.topic,
          partitions: read.partitions ?? this.options.defaultPartitions ?? 3,
          config: { ...KEEP_FOREVER },
        })),
        replication,
      );
    }
    const sourcePartitions = Object.fromEntries(await retryWhileRetriable(() => partitionCounts(this.admin, sourceTopics)));
    const compiled = compilePipeline(this.pipeline, { sourcePartitions, env: { readResource: this.options.readResource } });
    if (!compiled.ok) throw new PlanError(compiled.issues);
    const owned = new Set(['repartition', 'changelog', 'dlq']);
    const counters = {
      name: countersTopicName(this.pipeline.id),
      partitions: countersPartitions(compiled.plan).count,
      config: COUNTERS_TOPIC_CONFIG,
    };
    const report = await provisionTopics(
      this.admin,
      [...compiled.plan.topics.map((topic) => ({ ...topic, owned: owned.has(topic.role) })), { ...counters, owned: true }],
      replication,
    );
    // A version with more tasks than the last one needs more partitions: one per task.
    await growPartitions(this.admin, counters.name, counters.partitions);
    if (report.created.length > 0) log.info({ pipeline: this.pipeline.id, created: report.created, ...replication }, 'topics created');
    for (const topic of report.underReplicated) {
      log.warn({ pipeline: this.pipeline.id, ...topic }, 'topic exists with fewer replicas than new topics get; it keeps them');
    }
    for (const mismatch of report.mismatched) {
      log.warn({ pipeline: this.pipeline.id, ...mismatch }, 'topic exists with another partition count than the plan asks for');
    }
    this.plan = compiled.plan;
    return compiled.plan;
  }

  async start(): Promise<void> {
    const plan = this.plan ?? (await this.provision());
    // The files of one cluster's changelogs never stand for another's (local-state-scope.ts).
    const { clusterId } = await this.admin.describeCluster();
    this.state = new StateDirectory(clusterStateFolder(this.options.stateDirectory ?? join(tmpdir(), 'sluice-state'), clusterId));
    const inputTopics = plan.subTopologies.map((sub) => ({
      topic: sub.input.topic,
      purge: sub.input.kind === 'repartition',
      fromBeginning:
        sub.input.kind === 'repartition' ||
        plan.sources.some((source) => source.topic === sub.input.topic && source.startFrom === 'earliest'),
    }));
    this.worker = new PipelineWorker(this.kafka, this.admin, {
      groupId: this.groupId,
      inputTopics,
      purgeIntervalMs: this.options.purgeIntervalMs,
      sessionTimeoutMs: this.options.sessionTimeoutMs ?? sessionTimeoutFromEnv(),
      timerIntervalMs: this.options.timerIntervalMs,
      factory: engineTaskFactory(plan, {
        report: { version: this.options.version ?? 0, worker: this.workerId },
        onTaskMetrics: (task, registry) => this.taskMetrics.set(task, registry),
        executeSinks: this.options.executeSinks,
        isolateSinks: this.options.isolateSinks,
        observer: this.taps.observer,
        state: this.state,
        stateEpochs: this.options.stateEpochs,
      }),
      onAssignment: (ids) => this.events.onAssignment?.(ids),
      onRestoreProgress: (id, progress) => this.events.onRestoreProgress?.(id, progress),
      onStateChange: (id, state, reason) => this.events.onStateChange?.(id, state, reason),
    });
    await this.worker.start();
    const worker = this.worker;
    this.heartbeat = new WorkerHeartbeat(
      this.kafka,
      {
        topic: countersTopicName(plan.pipelineId),
        partition: countersPartitions(plan).heartbeats,
        worker: this.workerId,
        version: this.options.version ?? 0,
      },
      () => worker.taskIds(),
    );
    await this.heartbeat.start();
    log.info({ pipeline: this.pipeline.id, group: this.groupId }, 'pipeline started');
  }

  /** Drains: the batch in flight commits, then the tasks close. */
  async stop(): Promise<void> {
    await this.worker?.stop();
    await this.heartbeat?.stop();
    this.heartbeat = undefined;
    this.worker = undefined;
    await this.state?.close();
    this.state = undefined;
    log.info({ pipeline: this.pipeline.id }, 'pipeline stopped');
  }
}
