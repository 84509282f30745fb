// The lifecycle of one deployed pipeline version on this worker:
// validating → provisioning → restoring → running ⇄ rebalancing → draining → stopped, and failed.
// Effects are named actors, so tests swap them with `.provide()`.
import { assign, fromPromise, setup } from 'xstate';

export type DeploymentState = 'validating' | 'provisioning' | 'restoring' | 'running' | 'rebalancing' | 'draining' | 'stopped' | 'failed';

export interface DeploymentContext {
  pipelineId: string;
  version: number;
  reason?: string;
  /** Restoration progress, 0..1, while restoring. */
  restoreProgress?: number;
}

export type DeploymentEvent =
  | { type: 'tasks.restoring'; progress: number }
  | { type: 'tasks.running' }
  | { type: 'rebalance.started' }
  | { type: 'rebalance.finished' }
  | { type: 'stop' }
  | { type: 'fail'; reason: string };

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export const deploymentMachine = setup({
  types: {
    context: {} as DeploymentContext,
    events: {} as DeploymentEvent,
    input: {} as { pipelineId: string; version: number },
  },
  actors: {
    validate: fromPromise<void, { pipelineId: string }>(async () => {}),
    provision: fromPromise<void, { pipelineId: string }>(async () => {}),
    startTasks: fromPromise<void, { pipelineId: string }>(async () => {}),
    drain: fromPromise<void, { pipelineId: string }>(async () => {}),
  },
}).createMachine({
  id: 'deployment',
  context: ({ input }) => ({ pipelineId: input.pipelineId, version: input.version }),
  initial: 'validating',
  on: {
    fail: { target: '.failed', actions: assign({ reason: ({ event }) => event.reason }) },
  },
  states: {
    validating: {
      invoke: {
        src: 'validate',
        input: ({ context }) => ({ pipelineId: context.pipelineId }),
        onDone: 'provisioning',
        onError: { target: 'failed', actions: assign({ reason: ({ event }) => `invalid: ${reasonOf(event.error)}` }) },
      },
    },
    provisioning: {
      invoke: {
        src: 'provision',
        input: ({ context }) => ({ pipelineId: context.pipelineId }),
        onDone: 'restoring',
        onError: { target: 'failed', actions: assign({ reason: ({ event }) => `provisioning topics failed: ${reasonOf(event.error)}` }) },
      },
    },
    restoring: {
      invoke: {
        src: 'startTasks',
        input: ({ context }) => ({ pipelineId: context.pipelineId }),
        onError: { target: 'failed', actions: assign({ reason: ({ event }) => `starting tasks failed: ${reasonOf(event.error)}` }) },
      },
      on: {
        'tasks.restoring': { actions: assign({ restoreProgress: ({ event }) => event.progress }) },
        'tasks.running': { target: 'running', actions: assign({ restoreProgress: undefined }) },
        stop: 'draining',
      },
    },
    running: {
      on: {
        'rebalance.started': 'rebalancing',
        'tasks.restoring': { target: 'rebalancing', actions: assign({ restoreProgress: ({ event }) => event.progress }) },
        stop: 'draining',
      },
    },
    rebalancing: {
      on: {
        'tasks.restoring': { actions: assign({ restoreProgress: ({ event }) => event.progress }) },
        'rebalance.finished': 'running',
        'tasks.running': { target: 'running', actions: assign({ restoreProgress: undefined }) },
        stop: 'draining',
      },
    },
    draining: {
      invoke: {
        src: 'drain',
        input: ({ context }) => ({ pipelineId: context.pipelineId }),
        onDone: 'stopped',
        onError: { target: 'failed', actions: assign({ reason: ({ event }) => `draining failed: ${reasonOf(event.error)}` }) },
      },
    },
    stopped: { type: 'final' },
    failed: {
      on: { stop: 'stopped' },
    },
  },
});
