// What the deploy machine knows and hears. A deploy and a rollback both go through the runtime's plan and a
// confirmation before anything is applied.
import type { DeployPlan } from '../../shared/api/deploy-plan.ts';
import type { Pipeline, ValidationIssue } from '../../shared/index.ts';
import type { ApiError } from '../api/types.ts';

export type DeployRequest =
  /** The document as the Deploy button sent it (layout included). */
  | { kind: 'deploy'; pipeline: unknown; baseRevision?: number | undefined }
  /** A version from the history, deployed again as a new version. */
  | { kind: 'rollback'; pipelineId: string; version: number; baseRevision?: number | undefined };

export type DeployMachineContext = {
  pipelineId?: string | undefined;
  request?: DeployRequest | undefined;
  /** Why the last deploy was refused: the validator's issues, or those of the runtime's 422. */
  issues: ValidationIssue[];
  error?: ApiError | undefined;
  /** The validated pipeline on its way to the runtime. */
  deployed?: Pipeline | undefined;
  /** What the runtime says the deploy (or rollback) would do, shown for confirmation. */
  plan?: DeployPlan | undefined;
  /** Where the open pipeline was before a deploy began, so a cancelled one goes back there. */
  settled?: 'running' | 'stopped' | undefined;
};

export type DeployEvent =
  | { type: 'DEPLOY'; pipeline: unknown; baseRevision?: number | undefined }
  | { type: 'ROLLBACK'; pipelineId: string; version: number; baseRevision?: number | undefined }
  | { type: 'CONFIRM' }
  | { type: 'CANCEL' }
  | { type: 'STOP' }
  | { type: 'START' }
  | { type: 'DISMISS' }
  /** Another document was opened: a local one (no id), or one the runtime has, with what the runtime wants of it. */
  | { type: 'OPENED'; pipelineId?: string | undefined; running?: boolean }
  /** What the runtime wants the open pipeline to do (its `desired` state), from polling or when a pipeline is opened. */
  | { type: 'RUNTIME_STATE'; pipelineId: string; running: boolean }
  /** The runtime no longer has the open pipeline. */
  | { type: 'DELETED'; pipelineId: string };

export const FRESH_CONTEXT: DeployMachineContext = {
  issues: [],
  pipelineId: undefined,
  request: undefined,
  error: undefined,
  deployed: undefined,
  plan: undefined,
  settled: undefined,
};

/** What the runtime now holds: its revision, and the document that runs when a deploy put it there. */
export type RevisionReport = { revision: number; deployed?: unknown };

export function asApiError(error: unknown): ApiError {
  if (typeof error === 'object' && error !== null && 'message' in error && 'code' in error) return error as ApiError;
  return { status: 0, code: 'unexpected', message: String(error) };
}

/** A 422's details are the validator's issues: the same shape the problems list shows. */
export function refusedIssues(error: ApiError): ValidationIssue[] {
  return error.status === 422 && Array.isArray(error.details) ? (error.details as ValidationIssue[]) : [];
}
