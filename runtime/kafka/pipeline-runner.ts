// Runs one pipeline version on Kafka in this process: compile against the
// cluster's partition counts, provision topics, then join the pipeline's group.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Admin, Kafka } from 'kafkajs';
import { LAG, MetricsRegistry } from '../../shared/engine/metrics.ts';
import type { Plan } from '../../shared/engine/plan.ts';
import { Taps } from '../../shared/engine/tap.ts';
import { type Pipeline, sourceTopicsOf } from '../../shared/index.ts';
import { compilePipeline } from '../../shared/nodes/index.ts';
import { logger } from '../log/logger.ts';
import { StateDirectory } from '../state/state-directory.ts';
import { engineTaskFactory, type SinkExecutor, type SinkIsolator } from './engine-tasks.ts';
import { PipelineWorker } from './pipeline-worker.ts';
import type { TaskEvents } from './task-handle.ts';
import { KEEP_FOREVER, partitionCounts, provisionTopics } from './topics.ts';

const log = logger.child({ component: 'runner' });

export interface RunnerOptions extends TaskEvents {
  /** Where sink.postgres writes go (resolves `${env:NAME}` connections itself). */
  executeSinks: SinkExecutor;
  /** Writes row by row and returns the rows refused for good, so they can be dead-lettered. */
  isolateSinks?: SinkIsolator;
  /** Partitions for source topics that do not exist yet. */
  defaultPartitions?: number;
  onAssignment?: (taskIds: string[]) => void;
  metrics?: MetricsRegistry;
  /** Reads files a node names in its config (the spam model), relative to the pipelines folder. */
  readResource?: (path: string) => string;
  /** Where tasks keep their stores on disk (LMDB); a folder under the system's temporary one by default. */
  stateDirectory?: string;
  /** How often repartition records committed past are deleted (30 s by default). */
  purgeIntervalMs?: number;
}

export class PlanError extends Error {
  constructor(readonly issues: { path: string; message: string }[]) {
    super(`the pipeline does not compile: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`);
  }
}

export class PipelineRunner {
  readonly metrics: MetricsRegistry;
  /** Settable until start(): the supervisor listens to task states through them. */
  readonly events: Pick<RunnerOptions, 'onAssignment' | 'onRestoreProgress' | 'onStateChange'>;
  readonly taps = new Taps();
  plan: Plan | undefined;
  private worker: PipelineWorker | undefined;
  private ticker: NodeJS.Timeout | undefined;
  private state: StateDirectory | undefined;

  constructor(
    private readonly kafka: Kafka,
    private readonly admin: Admin,
    readonly pipeline: Pipeline,
    private readonly options: RunnerOptions,
  ) {
    this.metrics = options.metrics ?? new MetricsRegistry();
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
      );
    }
    const sourcePartitions = Object.fromEntries(await partitionCounts(this.admin, sourceTopics));
    const compiled = compilePipeline(this.pipeline, { sourcePartitions, env: { readResource: this.options.readResource } });
    if (!compiled.ok) throw new PlanError(compiled.issues);
    const owned = new Set(['repartition', 'changelog', 'dlq']);
    const report = await provisionTopics(
      this.admin,
      compiled.plan.topics.map((topic) => ({ ...topic, owned: owned.has(topic.role) })),
    );
    if (report.created.length > 0) log.info({ pipeline: this.pipeline.id, created: report.created }, 'topics created');
    for (const mismatch of report.mismatched) {
      log.warn({ pipeline: this.pipeline.id, ...mismatch }, 'topic exists with another partition count than the plan asks for');
    }
    this.plan = compiled.plan;
    return compiled.plan;
  }

  async start(): Promise<void> {
    const plan = this.plan ?? (await this.provision());
    this.state = new StateDirectory(this.options.stateDirectory ?? join(tmpdir(), 'sluice-state'));
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
      factory: engineTaskFactory(plan, {
        metrics: this.metrics,
        executeSinks: this.options.executeSinks,
        isolateSinks: this.options.isolateSinks,
        observer: this.taps.observer,
        state: this.state,
      }),
      onLag: (topic, partition, lag) => {
        for (const source of plan.sources.filter((candidate) => candidate.topic === topic)) {
          this.metrics.gauge(LAG, { node: source.node, partition: String(partition) }).set(lag);
        }
      },
      onAssignment: (ids) => this.events.onAssignment?.(ids),
      onRestoreProgress: (id, progress) => this.events.onRestoreProgress?.(id, progress),
      onStateChange: (id, state, reason) => this.events.onStateChange?.(id, state, reason),
    });
    await this.worker.start();
    this.metrics.tick(Date.now());
    this.ticker = setInterval(() => this.metrics.tick(Date.now()), 1000);
    log.info({ pipeline: this.pipeline.id, group: this.groupId }, 'pipeline started');
  }

  /** Drains: the batch in flight commits, then the tasks close. */
  async stop(): Promise<void> {
    clearInterval(this.ticker);
    await this.worker?.stop();
    this.worker = undefined;
    await this.state?.close();
    this.state = undefined;
    log.info({ pipeline: this.pipeline.id }, 'pipeline stopped');
  }
}
