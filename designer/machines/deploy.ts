// Deploying a pipeline: validating → planning → confirming → deploying → running, a rollback through the same plan
// and confirmation, stopping/stopped/starting, and failed. The API calls are named actors and the store updates
// named actions, so tests swap them with `.provide()`.
import { assign, setup } from 'xstate';
import type { Pipeline } from '../../shared/index.ts';
import {
  deployPipelineActor,
  planActor,
  rollbackActor,
  startPipelineActor,
  stopPipelineActor,
  validatePipelineActor,
} from './deploy-actors.ts';
import {
  asApiError,
  type DeployEvent,
  type DeployMachineContext,
  FRESH_CONTEXT,
  type RevisionReport,
  refusedIssues,
} from './deploy-types.ts';

export type { DeployEvent, DeployMachineContext, RevisionReport } from './deploy-types.ts';

const fail = { type: 'recordFailure', params: ({ event }: { event: { error: unknown } }) => ({ error: event.error }) } as const;
const backToWhereItWas = [
  { guard: 'wasRunning', target: 'running' },
  { guard: 'wasStopped', target: 'stopped' },
  { target: 'editing' },
] as const;

export const deployMachine = setup({
  types: { context: {} as DeployMachineContext, events: {} as DeployEvent, tags: {} as 'busy' | 'confirming' },
  actors: {
    validatePipeline: validatePipelineActor,
    planDeploy: planActor,
    deployPipeline: deployPipelineActor,
    rollbackPipeline: rollbackActor,
    stopPipeline: stopPipelineActor,
    startPipeline: startPipelineActor,
  },
  actions: {
    takeDeploy: assign(({ event, context }) =>
      event.type === 'DEPLOY'
        ? { request: { kind: 'deploy', pipeline: event.pipeline, baseRevision: event.baseRevision }, ...cleared(context) }
        : {},
    ),
    takeRollback: assign(({ event, context }) =>
      event.type === 'ROLLBACK'
        ? {
            request: { kind: 'rollback', pipelineId: event.pipelineId, version: event.version, baseRevision: event.baseRevision },
            pipelineId: event.pipelineId,
            ...cleared(context),
          }
        : {},
    ),
    takeRuntimeState: assign(({ event }) => (event.type === 'RUNTIME_STATE' ? { pipelineId: event.pipelineId } : {})),
    startOver: assign(({ event }) => ({ ...FRESH_CONTEXT, pipelineId: event.type === 'OPENED' ? event.pipelineId : undefined })),
    settle: assign((_, settled: 'running' | 'stopped') => ({ settled })),
    clearError: assign({ error: undefined, issues: [] }),
    recordFailure: assign((_, { error }: { error: unknown }) => {
      const apiError = asApiError(error);
      return { error: apiError, issues: refusedIssues(apiError), plan: undefined };
    }),
    /** The app remembers the new revision (and what runs) so the next deploy is based on it; a no-op until provided. */
    reportRevision: (_, _report: RevisionReport) => {},
    /** The app opens what now runs after a rollback; a no-op until provided. */
    reportRolledBack: (_, _report: { pipelineId: string; revision: number }) => {},
  },
  guards: {
    reportsRunning: ({ event }) => event.type === 'RUNTIME_STATE' && event.running,
    /** A report about another pipeline than the open one (a poll that left before an open) changes nothing. */
    reportsOpenRunning: ({ context, event }) => event.type === 'RUNTIME_STATE' && event.pipelineId === context.pipelineId && event.running,
    reportsOpenStopped: ({ context, event }) => event.type === 'RUNTIME_STATE' && event.pipelineId === context.pipelineId && !event.running,
    deletesOpen: ({ context, event }) => event.type === 'DELETED' && event.pipelineId === context.pipelineId,
    knowsPipeline: ({ context }) => context.pipelineId !== undefined,
    openedRunning: ({ event }) => event.type === 'OPENED' && event.pipelineId !== undefined && event.running === true,
    openedStopped: ({ event }) => event.type === 'OPENED' && event.pipelineId !== undefined && event.running === false,
    wasRunning: ({ context }) => context.settled === 'running',
    wasStopped: ({ context }) => context.settled === 'stopped',
    isRollback: ({ context }) => context.request?.kind === 'rollback',
  },
}).createMachine({
  id: 'deploy',
  initial: 'editing',
  context: FRESH_CONTEXT,
  on: {
    DEPLOY: { target: '.validating', actions: 'takeDeploy' },
    ROLLBACK: { target: '.planning', actions: 'takeRollback' },
    OPENED: [
      { guard: 'openedRunning', target: '.running', actions: 'startOver' },
      { guard: 'openedStopped', target: '.stopped', actions: 'startOver' },
      { target: '.editing', actions: 'startOver' },
    ],
    DELETED: { guard: 'deletesOpen', target: '.editing', actions: 'startOver' },
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
        input: ({ context }) => ({ pipeline: context.request?.kind === 'deploy' ? context.request.pipeline : undefined }),
        onDone: [
          {
            guard: ({ event }) => event.output.ok,
            target: 'planning',
            actions: assign(({ event }) => (event.output.ok ? { deployed: event.output.pipeline } : {})),
          },
          { target: 'failed', actions: assign(({ event }) => ({ issues: event.output.ok ? [] : event.output.issues })) },
        ],
        onError: { target: 'failed', actions: fail },
      },
    },
    planning: {
      tags: ['busy'],
      invoke: {
        src: 'planDeploy',
        input: ({ context }) => ({ request: context.request, deployed: context.deployed }),
        onDone: { target: 'confirming', actions: assign(({ event }) => ({ plan: event.output })) },
        onError: { target: 'failed', actions: fail },
      },
    },
    confirming: {
      tags: ['confirming'],
      on: {
        CONFIRM: [{ guard: 'isRollback', target: 'rollingBack' }, { target: 'deploying' }],
        CANCEL: backToWhereItWas.map((transition) => ({ ...transition, actions: assign({ plan: undefined }) })),
      },
    },
    deploying: {
      tags: ['busy'],
      invoke: {
        src: 'deployPipeline',
        input: ({ context }) => ({
          pipeline: context.deployed as Pipeline,
          baseRevision: context.request?.kind === 'deploy' ? context.request.baseRevision : undefined,
        }),
        onDone: {
          target: 'running',
          actions: [
            assign(({ context }) => ({ pipelineId: context.deployed?.id, plan: undefined })),
            {
              type: 'reportRevision',
              params: ({ context, event }) => ({
                revision: event.output.revision,
                deployed: context.request?.kind === 'deploy' ? context.request.pipeline : undefined,
              }),
            },
          ],
        },
        onError: { target: 'failed', actions: fail },
      },
    },
    rollingBack: {
      tags: ['busy'],
      invoke: {
        src: 'rollbackPipeline',
        input: ({ context }) => ({ request: context.request }),
        onDone: {
          target: 'running',
          actions: [
            assign({ plan: undefined }),
            {
              type: 'reportRolledBack',
              params: ({ context, event }) => ({ pipelineId: context.pipelineId ?? '', revision: event.output.revision }),
            },
          ],
        },
        onError: { target: 'failed', actions: fail },
      },
    },
    running: {
      entry: { type: 'settle', params: 'running' },
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
      entry: { type: 'settle', params: 'stopped' },
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
        DISMISS: [...backToWhereItWas.map((transition) => ({ ...transition, actions: 'clearError' as const }))],
        START: { guard: 'knowsPipeline', target: 'starting', actions: 'clearError' },
        STOP: { guard: 'knowsPipeline', target: 'stopping', actions: 'clearError' },
      },
    },
  },
});

/** A new request forgets the last one's outcome but not where the pipeline was. */
function cleared(context: DeployMachineContext): Partial<DeployMachineContext> {
  return { issues: [], error: undefined, plan: undefined, deployed: undefined, settled: context.settled };
}
