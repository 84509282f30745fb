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
    validating: {
      invoke: {
        src: 'validate',
        input: ({ context }) => ({ pipelineId: context.pipelineId }),
        onDone: 'provisioning',
        onError: { target: 'failed', actions: assign(({ context, event }) => failure(context, 'invalid', event.error)) },
      },
    },
    provisioning: {
      invoke: {
        src: 'provision',
        input: ({ context }) => ({ pipelineId: context.pipelineId }),
        onDone: 'restoring',
        onError: { target: 'failed', actions: assign(({ context, event }) => failure(context, 'provisioning topics failed', event.error)) },
      },
    },
    restoring: {
      invoke: {
        src: 'startTasks',
        input: ({ context }) => ({ pipelineId: context.pipelineId }),
        onError: { target: 'failed', actions: assign(({ context, event }) => failure(context, 'starting tasks failed', event.error)) },
      },
      on: {
        'tasks.restoring': { actions: assign({ restoreProgress: ({ event }) => event.progress }) },
        'tasks.running': { target: 'running', actions: assign({ restoreProgress: undefined }) },
        'tasks.degraded': { target: 'degraded', actions: assign({ reason: ({ event }) => event.reason }) },
        stop: 'draining',
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
    failed: {
      after: { retryDelay: { guard: 'retriable', target: 'retrying' } },
      on: { stop: 'stopped' },
    },
    // What a failed start left running is stopped before the next start.
    retrying: {
      invoke: {
        src: 'drain',
        input: ({ context }) => ({ pipelineId: context.pipelineId }),
        onDone: { target: 'validating', actions: assign({ retryAt: undefined }) },
        onError: { target: 'validating', actions: assign({ retryAt: undefined }) },
      },
      on: { stop: 'stopped' },
    },
  },
});
