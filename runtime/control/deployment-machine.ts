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
  /** A stop came while a step was still under way: it is honoured when that step ends, not dropped. */
  stopRequested?: boolean;
  /** startTasks finished: from here a stop drains at once. */
  tasksStarted?: boolean;
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
  guards: {
    stopRequested: ({ context }) => context.stopRequested === true,
    tasksStarted: ({ context }) => context.tasksStarted === true,
  },
}).createMachine({
  id: 'deployment',
  context: ({ input }) => ({ pipelineId: input.pipelineId, version: input.version }),
  initial: 'validating',
  on: {
    fail: { target: '.failed', actions: assign({ reason: ({ event }) => event.reason }) },
  },
  states: {
    // A stop (a delete right after a deploy) while validating or provisioning is remembered and ends the
    // deployment once the step is done, before any task starts; dropping it left the runner running for ever.
    validating: {
      invoke: {
        src: 'validate',
        input: ({ context }) => ({ pipelineId: context.pipelineId }),
        onDone: [{ guard: 'stopRequested', target: 'stopped' }, { target: 'provisioning' }],
        onError: { target: 'failed', actions: assign({ reason: ({ event }) => `invalid: ${reasonOf(event.error)}` }) },
      },
      on: { stop: { actions: assign({ stopRequested: true }) } },
    },
    provisioning: {
      invoke: {
        src: 'provision',
        input: ({ context }) => ({ pipelineId: context.pipelineId }),
        onDone: [{ guard: 'stopRequested', target: 'stopped' }, { target: 'restoring' }],
        onError: { target: 'failed', actions: assign({ reason: ({ event }) => `provisioning topics failed: ${reasonOf(event.error)}` }) },
      },
      on: { stop: { actions: assign({ stopRequested: true }) } },
    },
    // Draining while the tasks are still starting would race the start (a consumer joining after it was told
    // to leave): a stop then waits for startTasks to finish.
    restoring: {
      invoke: {
        src: 'startTasks',
        input: ({ context }) => ({ pipelineId: context.pipelineId }),
        onDone: [{ guard: 'stopRequested', target: 'draining' }, { actions: assign({ tasksStarted: true }) }],
        onError: { target: 'failed', actions: assign({ reason: ({ event }) => `starting tasks failed: ${reasonOf(event.error)}` }) },
      },
      on: {
        'tasks.restoring': { actions: assign({ restoreProgress: ({ event }) => event.progress }) },
        'tasks.running': {
          guard: ({ context }) => !context.stopRequested,
          target: 'running',
          actions: assign({ restoreProgress: undefined }),
        },
        stop: [{ guard: 'tasksStarted', target: 'draining' }, { actions: assign({ stopRequested: true }) }],
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
