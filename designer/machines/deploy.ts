// Deploying a pipeline: editing → validating → deploying → running, with stopping/stopped/starting and failed.
// The API calls are named actors so tests (and the e2e suite) can swap them with `.provide()`.
import { assign, setup } from 'xstate';
import type { Pipeline, ValidationIssue } from '../../shared/index.ts';
import type { ApiError } from '../api/types.ts';
import { deployPipelineActor, startPipelineActor, stopPipelineActor, validatePipelineActor } from './deploy-actors.ts';

export type DeployContext = {
  pipelineId?: string | undefined;
  pending?: unknown;
  baseRevision?: number | undefined;
  issues: ValidationIssue[];
  error?: ApiError | undefined;
  version?: number | undefined;
  revision?: number | undefined;
  deployed?: Pipeline | undefined;
};

export type DeployEvent =
  | { type: 'DEPLOY'; pipeline: unknown; baseRevision?: number | undefined }
  | { type: 'STOP' }
  | { type: 'START' }
  | { type: 'DISMISS' }
  /** What the runtime says the pipeline is doing (from status polling or when a pipeline is opened). */
  | { type: 'RUNTIME_STATE'; pipelineId: string; running: boolean };

export function asApiError(error: unknown): ApiError {
  if (typeof error === 'object' && error !== null && 'message' in error && 'code' in error) return error as ApiError;
  return { status: 0, code: 'unexpected', message: String(error) };
}

export const deployMachine = setup({
  types: { context: {} as DeployContext, events: {} as DeployEvent },
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
    clearError: assign({ error: undefined, issues: [] }),
  },
  guards: {
    reportsRunning: ({ event }) => event.type === 'RUNTIME_STATE' && event.running,
    reportsStopped: ({ event }) => event.type === 'RUNTIME_STATE' && !event.running,
    knowsPipeline: ({ context }) => context.pipelineId !== undefined,
  },
}).createMachine({
  id: 'deploy',
  initial: 'editing',
  context: { issues: [] },
  on: {
    DEPLOY: { target: '.validating', actions: 'takeRequest' },
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
        onError: { target: 'failed', actions: assign(({ event }) => ({ error: asApiError(event.error) })) },
      },
    },
    deploying: {
      invoke: {
        src: 'deployPipeline',
        input: ({ context }) => ({ pipeline: context.deployed as Pipeline, baseRevision: context.baseRevision }),
        onDone: {
          target: 'running',
          actions: assign(({ event }) => ({ version: event.output.version, revision: event.output.revision })),
        },
        onError: { target: 'failed', actions: assign(({ event }) => ({ error: asApiError(event.error) })) },
      },
    },
    running: {
      on: { STOP: 'stopping', RUNTIME_STATE: { guard: 'reportsStopped', target: 'stopped' } },
    },
    stopping: {
      invoke: {
        src: 'stopPipeline',
        input: ({ context }) => ({ pipelineId: context.pipelineId ?? '' }),
        onDone: 'stopped',
        onError: { target: 'failed', actions: assign(({ event }) => ({ error: asApiError(event.error) })) },
      },
    },
    stopped: {
      on: { START: { guard: 'knowsPipeline', target: 'starting' }, RUNTIME_STATE: { guard: 'reportsRunning', target: 'running' } },
    },
    starting: {
      invoke: {
        src: 'startPipeline',
        input: ({ context }) => ({ pipelineId: context.pipelineId ?? '' }),
        onDone: 'running',
        onError: { target: 'failed', actions: assign(({ event }) => ({ error: asApiError(event.error) })) },
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

export type DeployStateName = 'editing' | 'validating' | 'deploying' | 'running' | 'stopping' | 'stopped' | 'starting' | 'failed';
