// The lifecycle of one deployed pipeline version on this worker:
// validating → provisioning → restoring → running ⇄ rebalancing → draining → stopped;
// running ⇄ degraded while a task is not processing (a sink down, a producer recovering);
// failed, retried after a growing pause unless the pipeline itself is invalid.
// Effects are named actors, so tests swap them with `.provide()`.
import { assign, fromPromise, setup } from 'xstate';

export type DeploymentState =
  | 'validating'
  | 'provisioning'
  | 'restoring'
  | 'running'
  | 'rebalancing'
  | 'degraded'
  | 'draining'
  | 'stopped'
  | 'failed'
  | 'retrying';

export interface DeploymentContext {
  pipelineId: string;
  version: number;
  reason?: string;
  /** Restoration progress, 0..1, while restoring. */
  restoreProgress?: number;
  /** Failed starts in a row: the pause before the next one grows with it. */
  failures: number;
  /** When the next start is tried, while failed. */
  retryAt?: number;
  /** A stop came while a step was still under way: it is honoured when that step ends, not dropped. */
  stopRequested?: boolean;
  /** startTasks finished: from here a stop drains at once. */
  tasksStarted?: boolean;
}

/** The pause after the n-th failed start in a row: 1 s, 2 s, 4 s, … up to a minute. */
export function retryDelayMs(failures: number): number {
  return Math.min(1000 * 2 ** Math.max(0, failures - 1), 60_000);
}

export type DeploymentEvent =
  | { type: 'tasks.restoring'; progress: number }
  | { type: 'tasks.running' }
  | { type: 'tasks.degraded'; reason: string }
  | { type: 'rebalance.started' }
  | { type: 'rebalance.finished' }
  | { type: 'stop' }
  | { type: 'fail'; reason: string };

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Entering failed: count the failure, say why, and when the next try is. */
function failure(context: DeploymentContext, prefix: string, error: unknown): Partial<DeploymentContext> {
  const failures = context.failures + 1;
  return { failures, reason: `${prefix}: ${reasonOf(error)}`, retryAt: Date.now() + retryDelayMs(failures) };
}

export const deploymentMachine = setup({
  types: {
    context: {} as DeploymentContext,
    events: {} as DeploymentEvent,
    input: {} as { pipelineId: string; version: number },
  },
  delays: {
    retryDelay: ({ context }) => retryDelayMs(context.failures),
  },
  guards: {
    // An invalid pipeline stays invalid; anything else (a broker away, a topic not ready) may pass.
    retriable: ({ context }) => !context.reason?.startsWith('invalid:'),
    stopRequested: ({ context }) => context.stopRequested === true,
    tasksStarted: ({ context }) => context.tasksStarted === true,
  },
  actors: {
    validate: fromPromise<void, { pipelineId: string }>(async () => {}),
    provision: fromPromise<void, { pipelineId: string }>(async () => {}),
    startTasks: fromPromise<void, { pipelineId: string }>(async () => {}),
    drain: fromPromise<void, { pipelineId: string }>(async () => {}),
  },
}).createMachine({
  id: 'deployment',
  context: ({ input }) => ({ pipelineId: input.pipelineId, version: input.version, failures: 0 }),
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
        onError: { target: 'failed', actions: assign(({ context, event }) => failure(context, 'invalid', event.error)) },
      },
      on: { stop: { actions: assign({ stopRequested: true }) } },
    },
    provisioning: {
      invoke: {
        src: 'provision',
        input: ({ context }) => ({ pipelineId: context.pipelineId }),
        onDone: [{ guard: 'stopRequested', target: 'stopped' }, { target: 'restoring' }],
        onError: { target: 'failed', actions: assign(({ context, event }) => failure(context, 'provisioning topics failed', event.error)) },
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
        onError: { target: 'failed', actions: assign(({ context, event }) => failure(context, 'starting tasks failed', event.error)) },
      },
      on: {
        'tasks.restoring': { actions: assign({ restoreProgress: ({ event }) => event.progress }) },
        'tasks.running': {
          guard: ({ context }) => !context.stopRequested,
          target: 'running',
          actions: assign({ restoreProgress: undefined }),
        },
        'tasks.degraded': {
          guard: ({ context }) => !context.stopRequested,
          target: 'degraded',
          actions: assign({ reason: ({ event }) => event.reason }),
        },
        stop: [{ guard: 'tasksStarted', target: 'draining' }, { actions: assign({ stopRequested: true }) }],
      },
    },
    running: {
      entry: assign({ failures: 0, reason: undefined, retryAt: undefined }),
      on: {
        'rebalance.started': 'rebalancing',
        'tasks.restoring': { target: 'rebalancing', actions: assign({ restoreProgress: ({ event }) => event.progress }) },
        'tasks.degraded': { target: 'degraded', actions: assign({ reason: ({ event }) => event.reason }) },
        stop: 'draining',
      },
    },
    degraded: {
      on: {
        'tasks.degraded': { actions: assign({ reason: ({ event }) => event.reason }) },
        'tasks.running': { target: 'running', actions: assign({ restoreProgress: undefined }) },
        'tasks.restoring': { target: 'rebalancing', actions: assign({ restoreProgress: ({ event }) => event.progress }) },
        stop: 'draining',
      },
    },
    rebalancing: {
      on: {
        'tasks.restoring': { actions: assign({ restoreProgress: ({ event }) => event.progress }) },
        'rebalance.finished': 'running',
        'tasks.running': { target: 'running', actions: assign({ restoreProgress: undefined }) },
        'tasks.degraded': { target: 'degraded', actions: assign({ reason: ({ event }) => event.reason }) },
        stop: 'draining',
      },
    },
    draining: {
      invoke: {
        src: 'drain',
        input: ({ context }) => ({ pipelineId: context.pipelineId }),
        onDone: 'stopped',
        onError: { target: 'stopped', actions: assign({ reason: ({ event }) => `draining failed: ${reasonOf(event.error)}` }) },
      },
    },
    stopped: { type: 'final' },
    // A failed start may have left a consumer behind: stopping drains it too.
    failed: {
      after: { retryDelay: { guard: 'retriable', target: 'retrying' } },
      on: { stop: 'draining' },
    },
    // What a failed start left running is stopped before the next start.
    retrying: {
      invoke: {
        src: 'drain',
        input: ({ context }) => ({ pipelineId: context.pipelineId }),
        onDone: { target: 'validating', actions: assign({ retryAt: undefined, tasksStarted: false }) },
        onError: { target: 'validating', actions: assign({ retryAt: undefined, tasksStarted: false }) },
      },
      on: { stop: { actions: assign({ stopRequested: true }) } },
    },
  },
});
