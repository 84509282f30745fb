// Deploying a pipeline: editing → validating → deploying → running, with stopping/stopped/starting and failed.
// The API calls are named actors and the designer-store update a named action, so tests swap them with `.provide()`.
import { assign, setup } from 'xstate';
import type { Pipeline, ValidationIssue } from '../../shared/index.ts';
import type { ApiError } from '../api/types.ts';
import { deployPipelineActor, startPipelineActor, stopPipelineActor, validatePipelineActor } from './deploy-actors.ts';

export type DeployMachineContext = {
  pipelineId?: string | undefined;
  /** The document as the Deploy button sent it (layout included). */
  pending?: unknown;
  baseRevision?: number | undefined;
  /** Why the last deploy was refused: the validator's issues, or those of the runtime's 422. */
  issues: ValidationIssue[];
  error?: ApiError | undefined;
  /** The validated pipeline on its way to the runtime. */
  deployed?: Pipeline | undefined;
};

export type DeployEvent =
  | { type: 'DEPLOY'; pipeline: unknown; baseRevision?: number | undefined }
  | { type: 'STOP' }
  | { type: 'START' }
  | { type: 'DISMISS' }
  /** Another document was opened: a local one (no id), or one the runtime has, with what the runtime wants of it. */
  | { type: 'OPENED'; pipelineId?: string | undefined; running?: boolean }
  /** What the runtime wants the open pipeline to do (its `desired` state), from polling or when a pipeline is opened. */
  | { type: 'RUNTIME_STATE'; pipelineId: string; running: boolean };

const FRESH_CONTEXT: DeployMachineContext = {
  issues: [],
  pipelineId: undefined,
  pending: undefined,
  baseRevision: undefined,
  error: undefined,
  deployed: undefined,
};

/** What the runtime now holds: its revision, and the document that runs when a deploy put it there. */
export type RevisionReport = { revision: number; deployed?: unknown };

function asApiError(error: unknown): ApiError {
  if (typeof error === 'object' && error !== null && 'message' in error && 'code' in error) return error as ApiError;
  return { status: 0, code: 'unexpected', message: String(error) };
}

/** A 422's details are the validator's issues: the same shape the problems list shows. */
function refusedIssues(error: ApiError): ValidationIssue[] {
  return error.status === 422 && Array.isArray(error.details) ? (error.details as ValidationIssue[]) : [];
}

const fail = { type: 'recordFailure', params: ({ event }: { event: { error: unknown } }) => ({ error: event.error }) } as const;

export const deployMachine = setup({
  types: { context: {} as DeployMachineContext, events: {} as DeployEvent, tags: {} as 'busy' },
  actors: {
    validatePipeline: validatePipelineActor,
    deployPipeline: deployPipelineActor,
    stopPipeline: stopPipelineActor,
    startPipeline: startPipelineActor,
  },
  actions: {
    takeRequest: assign(({ event }) =>
      event.type === 'DEPLOY' ? { pending: event.pipeline, baseRevision: event.baseRevision, issues: [], error: undefined } : {},
    ),
    takeRuntimeState: assign(({ event }) => (event.type === 'RUNTIME_STATE' ? { pipelineId: event.pipelineId } : {})),
    startOver: assign(({ event }) => ({
      ...FRESH_CONTEXT,
      pipelineId: event.type === 'OPENED' ? event.pipelineId : undefined,
    })),
    clearError: assign({ error: undefined, issues: [] }),
    recordFailure: assign((_, { error }: { error: unknown }) => {
      const apiError = asApiError(error);
      return { error: apiError, issues: refusedIssues(apiError) };
    }),
    /** The app remembers the new revision (and what runs) so the next deploy is based on it; a no-op until provided. */
    reportRevision: (_, _report: RevisionReport) => {},
  },
  guards: {
    reportsRunning: ({ event }) => event.type === 'RUNTIME_STATE' && event.running,
    reportsStopped: ({ event }) => event.type === 'RUNTIME_STATE' && !event.running,
    /** A report about another pipeline than the open one (a poll that left before an open) changes nothing. */
    reportsOpenRunning: ({ context, event }) => event.type === 'RUNTIME_STATE' && event.pipelineId === context.pipelineId && event.running,
    reportsOpenStopped: ({ context, event }) => event.type === 'RUNTIME_STATE' && event.pipelineId === context.pipelineId && !event.running,
    knowsPipeline: ({ context }) => context.pipelineId !== undefined,
    openedRunning: ({ event }) => event.type === 'OPENED' && event.pipelineId !== undefined && event.running === true,
    openedStopped: ({ event }) => event.type === 'OPENED' && event.pipelineId !== undefined && event.running === false,
  },
}).createMachine({
  id: 'deploy',
  initial: 'editing',
  context: FRESH_CONTEXT,
  on: {
    DEPLOY: { target: '.validating', actions: 'takeRequest' },
    OPENED: [
      { guard: 'openedRunning', target: '.running', actions: 'startOver' },
      { guard: 'openedStopped', target: '.stopped', actions: 'startOver' },
      { target: '.editing', actions: 'startOver' },
    ],
  },
  states: {
    editing: {
      on: {
        RUNTIME_STATE: [
          { guard: 'reportsRunning', target: 'running', actions: 'takeRuntimeState' },
          { target: 'stopped', actions: 'takeRuntimeState' },
        ],
      },
    },
    validating: {
      tags: ['busy'],
      invoke: {
        src: 'validatePipeline',
        input: ({ context }) => ({ pipeline: context.pending }),
        onDone: [
          {
            guard: ({ event }) => event.output.ok,
            target: 'deploying',
            actions: assign(({ event }) =>
              event.output.ok ? { deployed: event.output.pipeline, pipelineId: event.output.pipeline.id } : {},
            ),
          },
          { target: 'failed', actions: assign(({ event }) => ({ issues: event.output.ok ? [] : event.output.issues })) },
        ],
        onError: { target: 'failed', actions: fail },
      },
    },
    deploying: {
      tags: ['busy'],
      invoke: {
        src: 'deployPipeline',
        input: ({ context }) => ({ pipeline: context.deployed as Pipeline, baseRevision: context.baseRevision }),
        onDone: {
          target: 'running',
          actions: {
            type: 'reportRevision',
            params: ({ context, event }) => ({ revision: event.output.revision, deployed: context.pending }),
          },
        },
        onError: { target: 'failed', actions: fail },
      },
    },
    running: {
      on: { STOP: 'stopping', RUNTIME_STATE: { guard: 'reportsOpenStopped', target: 'stopped' } },
    },
    stopping: {
      tags: ['busy'],
      invoke: {
        src: 'stopPipeline',
        input: ({ context }) => ({ pipelineId: context.pipelineId ?? '' }),
        onDone: { target: 'stopped', actions: { type: 'reportRevision', params: ({ event }) => ({ revision: event.output.revision }) } },
        onError: { target: 'failed', actions: fail },
      },
    },
    stopped: {
      on: { START: { guard: 'knowsPipeline', target: 'starting' }, RUNTIME_STATE: { guard: 'reportsOpenRunning', target: 'running' } },
    },
    starting: {
      tags: ['busy'],
      invoke: {
        src: 'startPipeline',
        input: ({ context }) => ({ pipelineId: context.pipelineId ?? '' }),
        onDone: { target: 'running', actions: { type: 'reportRevision', params: ({ event }) => ({ revision: event.output.revision }) } },
        onError: { target: 'failed', actions: fail },
      },
    },
    failed: {
      on: {
        DISMISS: { target: 'editing', actions: 'clearError' },
        START: { guard: 'knowsPipeline', target: 'starting', actions: 'clearError' },
        STOP: { guard: 'knowsPipeline', target: 'stopping', actions: 'clearError' },
      },
    },
  },
});
