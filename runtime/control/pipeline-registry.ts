// Deploy, stop, start and delete pipelines: validates, guards revisions, and writes
// the desired state; every worker's runner converges on what the store says.
import { type Pipeline, pipelinesEquivalent, type ValidationIssue, validatePipeline } from '../../shared/index.ts';
import { routesTaken } from '../../shared/validation/route-checks.ts';
import {
  currentVersion,
  type DeploymentRecord,
  type PipelineStore,
  type PipelineVersion,
  VERSIONS_KEPT,
  withEvent,
  withNewVersion,
} from './pipeline-store.ts';

/**
 * Connection strings hold passwords, and deployed definitions are returned by the API and
 * kept in a topic: so a deployed pipeline names them as `${env:NAME}`, resolved by each worker.
 */
export function literalConnectionIssues(pipeline: Pipeline): ValidationIssue[] {
  return pipeline.nodes.flatMap((node, index) => {
    const connection = (node.config as { connection?: unknown }).connection;
    if (typeof connection !== 'string' || /^\$\{env:[A-Za-z_][A-Za-z0-9_]*\}$/.test(connection)) return [];
    return [
      {
        code: 'invalid-value' as const,
        path: `/nodes/${index}/config/connection`,
        nodeId: node.id,
        message: 'Write the connection as ${env:NAME} and set NAME on the workers: deployed pipelines never hold secrets.',
      },
    ];
  });
}

export class PipelineNotFoundError extends Error {
  constructor(readonly id: string) {
    super(`No pipeline '${id}' is deployed.`);
  }
}

export class InvalidPipelineError extends Error {
  constructor(readonly issues: ValidationIssue[]) {
    super(`The pipeline has ${issues.length} problem${issues.length === 1 ? '' : 's'}; the running version keeps running.`);
  }
}

export class RevisionConflictError extends Error {
  constructor(
    readonly id: string,
    readonly current: number,
    readonly based: number,
  ) {
    super(`Pipeline '${id}' changed since revision ${based} (now ${current}): reload it and apply your edit again.`);
  }
}

export class VersionNotFoundError extends Error {
  constructor(
    readonly id: string,
    readonly version: number,
  ) {
    super(`Pipeline '${id}' keeps no version ${version}; the history holds the last ${VERSIONS_KEPT}.`);
  }
}

export interface PreparedDeploy {
  pipeline: Pipeline;
  /** The record the deploy replaces; undefined for a pipeline deployed for the first time. */
  existing: DeploymentRecord | undefined;
  /** False when the pipeline differs from the deployed one only in layout. */
  changed: boolean;
}

export interface DeployResult {
  record: DeploymentRecord;
  /** False when the new definition differs from the running one only in layout. */
  changed: boolean;
}

export class PipelineRegistry {
  private records = new Map<string, DeploymentRecord>();

  constructor(
    private readonly store: PipelineStore,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async load(): Promise<void> {
    this.records = await this.store.load();
  }

  /** Applies a change another worker wrote. */
  observe(id: string, record: DeploymentRecord | undefined): void {
    if (record) this.records.set(id, record);
    else this.records.delete(id);
  }

  list(): DeploymentRecord[] {
    return [...this.records.values()].sort((a, b) => a.id.localeCompare(b.id));
  }

  get(id: string): DeploymentRecord {
    const record = this.records.get(id);
    if (!record) throw new PipelineNotFoundError(id);
    return record;
  }

  versions(id: string): PipelineVersion[] {
    return this.get(id).versions;
  }

  /**
   * Everything a deploy checks, without writing: the validated pipeline, the record it would replace and whether it
   * changes what runs. Throws what deploy throws, so a dry run (deploy-plan.ts) refuses exactly what a deploy would.
   */
  prepare(id: string, input: unknown, baseRevision?: number): PreparedDeploy {
    const result = validatePipeline(input);
    if (!result.ok) throw new InvalidPipelineError(result.issues);
    const pipeline: Pipeline = result.pipeline;
    const secrets = literalConnectionIssues(pipeline);
    if (secrets.length > 0) throw new InvalidPipelineError(secrets);
    if (pipeline.id !== id) {
      throw new InvalidPipelineError([
        { code: 'invalid-value', path: '/id', message: `The pipeline's id is '${pipeline.id}' but it was deployed as '${id}'.` },
      ]);
    }
    // Every runtime process serves every pipeline's routes: one deployed pipeline (running or stopped) owns each.
    const others = this.list()
      .filter((record) => record.id !== id)
      .map((record) => currentVersion(record).pipeline);
    const taken = routesTaken(pipeline, others);
    if (taken.length > 0) throw new InvalidPipelineError(taken);
    const existing = this.records.get(id);
    if (existing && baseRevision !== undefined && baseRevision !== existing.revision)
      throw new RevisionConflictError(id, existing.revision, baseRevision);
    // Moving a box is not a change: a layout-only edit is stored without a new version, so nothing restarts.
    const changed = !existing || !pipelinesEquivalent(currentVersion(existing).pipeline, pipeline);
    return { pipeline, existing, changed };
  }

  async deploy(id: string, input: unknown, baseRevision?: number): Promise<DeployResult> {
    const { pipeline, existing, changed } = this.prepare(id, input, baseRevision);
    if (existing && !changed) {
      const versions = [...existing.versions.slice(0, -1), { ...currentVersion(existing), pipeline }];
      const record = { ...existing, versions, revision: existing.revision + 1 };
      await this.write(record);
      return { record, changed: false };
    }
    const record = withNewVersion(existing, pipeline, this.clock());
    await this.write(record);
    return { record, changed: true };
  }

  /** The pipeline as it was at `version`, while the record still keeps it. */
  versionOf(id: string, version: number): Pipeline {
    const found = this.get(id).versions.find((candidate) => candidate.version === version);
    if (!found) throw new VersionNotFoundError(id, version);
    return found.pipeline;
  }

  async setDesired(id: string, desired: DeploymentRecord['desired']): Promise<DeploymentRecord> {
    const existing = this.get(id);
    const event = {
      at: this.clock().toISOString(),
      kind: desired === 'running' ? 'started' : 'stopped',
      version: currentVersion(existing).version,
    } as const;
    const events = existing.desired === desired ? existing.events : withEvent(existing, event);
    const record = { ...existing, desired, revision: existing.revision + 1, ...(events ? { events } : {}) };
    await this.write(record);
    return record;
  }

  async remove(id: string): Promise<void> {
    this.get(id);
    await this.store.remove(id);
    this.records.delete(id);
  }

  private async write(record: DeploymentRecord): Promise<void> {
    await this.store.put(record);
    this.records.set(record.id, record);
  }
}
