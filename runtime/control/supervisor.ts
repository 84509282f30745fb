// Makes this worker run what the desired state says: every worker runs the same
// supervisor over the same store, so all converge, and the consumer groups
// spread each pipeline's partitions over them.

import type { DeployPlan } from '../../shared/api/deploy-plan.ts';
import { type Pipeline, validatePipeline } from '../../shared/index.ts';
import { planDeploy } from './deploy-plan.ts';
import { Deployment, type PipelineExecutor } from './deployment.ts';
import type { PipelineRegistry } from './pipeline-registry.ts';
import { currentVersion, type DeploymentRecord, type PipelineStore } from './pipeline-store.ts';
import type { PipelineControl, PipelineStatus } from './runtime-control.ts';
import { storesToKeep } from './stores-to-keep.ts';

export interface SupervisorOptions {
  createExecutor(pipeline: Pipeline, version: number): PipelineExecutor;
  /** Throws away the state of these stateful nodes (their changelogs), before a new version starts. */
  resetStores(pipelineId: string, nodeIds: string[]): Promise<void>;
  /** Removes what a deleted pipeline left on the cluster; `sinks`: its sink topics too. */
  cleanUp?(pipeline: Pipeline, options: { sinks: boolean; signal: AbortSignal }): Promise<void>;
}

export class PipelineSupervisor implements PipelineControl {
  private readonly local = new Map<string, Deployment>();
  private readonly queues = new Map<string, Promise<void>>();
  private stopWatching: (() => Promise<void>) | undefined;
  /** Clean-ups of deleted pipelines still waiting for other workers to leave. */
  private readonly cleanups = new Set<Promise<unknown>>();
  private readonly closing = new AbortController();

  constructor(
    private readonly registry: PipelineRegistry,
    private readonly store: PipelineStore,
    private readonly options: SupervisorOptions,
  ) {}

  /** Loads the desired state, deploys `initial` when nothing is deployed yet, and converges. */
  async open(initial?: Pipeline): Promise<void> {
    await this.registry.load();
    if (initial && this.registry.list().length === 0) await this.registry.deploy(initial.id, initial);
    for (const record of this.registry.list()) this.converge(record.id);
    this.stopWatching = await this.store.watch((id, record) => {
      this.registry.observe(id, record);
      this.converge(id);
    });
  }

  async close(): Promise<void> {
    await this.stopWatching?.();
    await Promise.all([...this.queues.values()]);
    this.closing.abort();
    await Promise.all([...this.cleanups]);
    await Promise.all([...this.local.values()].map((deployment) => deployment.stop()));
    this.local.clear();
  }

  list(): DeploymentRecord[] {
    return this.registry.list();
  }

  get(id: string): DeploymentRecord {
    return this.registry.get(id);
  }

  versions(id: string) {
    return this.registry.versions(id);
  }

  validate(input: unknown) {
    const result = validatePipeline(input);
    return { ok: result.ok, issues: result.ok ? [] : result.issues };
  }

  async deploy(id: string, input: unknown, baseRevision?: number) {
    const result = await this.registry.deploy(id, input, baseRevision);
    if (result.changed) await this.converge(id);
    return result;
  }

  plan(id: string, input: unknown, baseRevision?: number): DeployPlan {
    return planDeploy(this.registry, id, input, baseRevision);
  }

  planRollback(id: string, version: number, baseRevision?: number): DeployPlan {
    return planDeploy(this.registry, id, this.registry.versionOf(id, version), baseRevision);
  }

  rollback(id: string, version: number, baseRevision?: number) {
    return this.deploy(id, this.registry.versionOf(id, version), baseRevision);
  }

  async stop(id: string) {
    const record = await this.registry.setDesired(id, 'stopped');
    await this.converge(id);
    return record;
  }

  async resume(id: string) {
    const record = await this.registry.setDesired(id, 'running');
    await this.converge(id);
    return record;
  }

  /** Stops and forgets the pipeline; its internal topics and group offsets go once its workers left. */
  async remove(id: string, options: { sinks?: boolean } = {}): Promise<void> {
    const { pipeline } = currentVersion(this.registry.get(id));
    await this.registry.remove(id);
    await this.converge(id);
    const cleanUp = this.options.cleanUp?.(pipeline, { sinks: options.sinks ?? false, signal: this.closing.signal });
    if (cleanUp) this.cleanups.add(cleanUp.catch(() => {}).finally(() => this.cleanups.delete(cleanUp)));
  }

  tap(id: string, node: string, port: string, limit: number) {
    this.registry.get(id);
    return this.local.get(id)?.executor.taps.last(node, port, limit) ?? [];
  }

  status(id: string): PipelineStatus {
    const local = this.local.get(id);
    if (local) return local.status();
    const record = this.registry.get(id);
    return {
      state: 'stopped',
      version: currentVersion(record).version,
      reason: record.desired === 'stopped' ? 'stopped on request' : undefined,
    };
  }

  /** Serialised per pipeline: changes apply in the order they were observed. */
  private converge(id: string): Promise<void> {
    const next = (this.queues.get(id) ?? Promise.resolve()).then(() => this.apply(id)).catch(() => {});
    this.queues.set(id, next);
    return next;
  }

  private async apply(id: string): Promise<void> {
    let record: DeploymentRecord | undefined;
    try {
      record = this.registry.get(id);
    } catch {
      record = undefined;
    }
    const running = this.local.get(id);
    const wanted = record?.desired === 'running' ? currentVersion(record) : undefined;
    if (running && wanted && running.version === wanted.version) return;
    if (running) {
      await running.stop();
      this.local.delete(id);
    }
    if (!wanted) return;
    const stores = storesToKeep(running?.pipeline, wanted.pipeline);
    if (running && stores.reset.length > 0) await this.options.resetStores(id, stores.reset);
    const deployment = new Deployment(wanted.pipeline, wanted.version, this.options.createExecutor(wanted.pipeline, wanted.version));
    this.local.set(id, deployment);
    deployment.start(stores);
  }
}
