// The API calls the deploy machine invokes. Each throws an ApiError-shaped value on failure so the machine's onError
// carries the runtime's message; tests swap them with `deployMachine.provide({ actors })`.
import { fromPromise } from 'xstate';
import type { DeployPlan } from '../../shared/api/deploy-plan.ts';
import { type Pipeline, type ValidationIssue, validatePipeline } from '../../shared/index.ts';
import { api } from '../api/client.ts';
import { UNREACHABLE } from '../api/http.ts';
import type { ApiResult, DeployResponse, PipelineSummary } from '../api/types.ts';
import type { DeployRequest } from './deploy-types.ts';

export type ValidateOutput = { ok: true; pipeline: Pipeline } | { ok: false; issues: ValidationIssue[] };

function unwrap<T>(result: ApiResult<T>): T {
  if (!result.ok) throw result.error;
  return result.value;
}

export const validatePipelineActor = fromPromise<ValidateOutput, { pipeline: unknown }>(async ({ input }) => {
  const local = validatePipeline(input.pipeline);
  if (!local.ok) return { ok: false, issues: local.issues };
  const remote = await api.validate(input.pipeline);
  // The local validator is the same code the runtime runs; when the runtime is away, its verdict stands.
  if (!remote.ok && remote.error.code === UNREACHABLE) return { ok: true, pipeline: local.pipeline };
  const verdict = unwrap(remote);
  return verdict.ok ? { ok: true, pipeline: local.pipeline } : { ok: false, issues: verdict.issues };
});

export const deployPipelineActor = fromPromise<DeployResponse, { pipeline: Pipeline; baseRevision?: number | undefined }>(
  async ({ input }) => unwrap(await api.deploy(input.pipeline, input.baseRevision)),
);

export const stopPipelineActor = fromPromise<PipelineSummary, { pipelineId: string }>(async ({ input }) =>
  unwrap(await api.stop(input.pipelineId)),
);

export const startPipelineActor = fromPromise<PipelineSummary, { pipelineId: string }>(async ({ input }) =>
  unwrap(await api.start(input.pipelineId)),
);

/** The runtime's dry run of the request: what would change, and what becomes of each stateful node's state. */
export type PlanInput = { request?: DeployRequest | undefined; deployed?: Pipeline | undefined };

export const planActor = fromPromise<DeployPlan, PlanInput>(async ({ input }) => {
  const { request, deployed } = input;
  if (request?.kind === 'rollback')
    return unwrap(await api.plan(request.pipelineId, { rollbackTo: request.version, baseRevision: request.baseRevision }));
  if (!request || !deployed) throw new Error('nothing to plan');
  return unwrap(await api.plan(deployed.id, { pipeline: deployed, baseRevision: request.baseRevision }));
});

export const rollbackActor = fromPromise<DeployResponse, { request?: DeployRequest | undefined }>(async ({ input }) => {
  const { request } = input;
  if (request?.kind !== 'rollback') throw new Error('nothing to roll back');
  return unwrap(await api.rollback(request.pipelineId, { version: request.version, baseRevision: request.baseRevision }));
});
