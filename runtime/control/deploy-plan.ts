// The dry-run deploy: what deploying `input` as pipeline `id` would do, decided by the same code a deploy runs (the
// registry's checks, the supervisor's kept/reset rule) and applied nowhere.
import type { DeployPlan, SharedOutput, StatefulNodePlan } from '../../shared/api/deploy-plan.ts';
import { catalog, diffPipelines, outputsWrittenBy, type Pipeline } from '../../shared/index.ts';
import type { PipelineRegistry } from './pipeline-registry.ts';
import { currentVersion, type DeploymentRecord } from './pipeline-store.ts';
import { storesToKeep } from './stores-to-keep.ts';

export function planDeploy(registry: PipelineRegistry, id: string, input: unknown, baseRevision?: number): DeployPlan {
  const { pipeline, existing, changed } = registry.prepare(id, input, baseRevision);
  const current = existing && currentVersion(existing);
  return {
    pipelineId: id,
    currentVersion: current?.version,
    nextVersion: changed ? (current?.version ?? 0) + 1 : undefined,
    revision: existing?.revision,
    changed,
    // A new version is always wanted running (withNewVersion); a layout-only edit leaves the pipeline as it is.
    starts: changed && existing?.desired === 'stopped',
    diff: diffPipelines(current?.pipeline, pipeline),
    stateful: statefulPlan(existing, pipeline, changed),
    sharedOutputs: sharedOutputs(registry.list(), pipeline),
  };
}

/** The supervisor resets changed state only in a version it replaces while running; a stopped one restarts as it was. */
function statefulPlan(existing: DeploymentRecord | undefined, next: Pipeline, changed: boolean): StatefulNodePlan[] {
  const previous = existing && currentVersion(existing).pipeline;
  const replacesRunning = changed && existing?.desired === 'running';
  const { reset } = replacesRunning ? storesToKeep(previous, next) : { reset: [] as string[] };
  return next.nodes
    .filter((node) => catalog[node.type].stateful)
    .map((node) => {
      const before = previous?.nodes.find((candidate) => candidate.id === node.id && candidate.type === node.type);
      return { id: node.id, type: node.type, state: !before ? 'new' : reset.includes(node.id) ? 'reset' : 'kept' };
    });
}

/** The topics and tables `pipeline` writes that other deployed pipelines write too: two writers rarely mean well. */
function sharedOutputs(records: DeploymentRecord[], pipeline: Pipeline): SharedOutput[] {
  const mine = new Set(pipeline.nodes.flatMap((node) => outputsOf(pipeline, node)));
  return records
    .filter((record) => record.id !== pipeline.id)
    .flatMap((record) => {
      const other = currentVersion(record).pipeline;
      return other.nodes
        .filter((node) => outputsOf(other, node).some((output) => mine.has(output)))
        .flatMap((node) => outputsOf(other, node).map((output) => ({ pipelineId: record.id, nodeId: node.id, output })));
    });
}

function outputsOf(pipeline: Pipeline, node: Pipeline['nodes'][number]): string[] {
  return outputsWrittenBy(node, pipeline).map((output) =>
    output.kind === 'topic' ? `Kafka topic ${output.name}` : `PostgreSQL table ${output.name}`,
  );
}

/** Dry runs and rollbacks, as the HTTP layer asks for them; errors are the registry's typed errors. */
export interface PipelinePlanning {
  plan(id: string, input: unknown, baseRevision?: number): DeployPlan;
  planRollback(id: string, version: number, baseRevision?: number): DeployPlan;
  /** Deploys a version from the history again, as a new version, through the same checks as any deploy. */
  rollback(id: string, version: number, baseRevision?: number): Promise<{ record: DeploymentRecord; changed: boolean }>;
}
