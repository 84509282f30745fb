// One pipeline version running on this worker: the lifecycle machine with its
// effects bound to an executor (the Kafka runner in production).
import { type Actor, createActor, fromPromise } from 'xstate';
import type { Taps } from '../../shared/engine/tap.ts';
import { type Pipeline, validatePipeline } from '../../shared/index.ts';
import { deploymentMachine } from './deployment-machine.ts';
import type { PipelineStatus } from './runtime-control.ts';

/** A task on this worker: claiming, restoring, running, failing (a sink), recovering (a fresh producer), … */
export interface TaskStatus {
  state: string;
  /** Why it is failing or recovering. */
  reason?: string;
}

/** Tasks that are on this worker but not processing, for a while or for good. */
const NOT_PROCESSING = new Set(['failing', 'recovering']);
const STARTING = new Set(['claiming', 'restoring']);

/** What runs a pipeline; the Kafka runner implements it. */
export interface PipelineExecutor {
  taps: Taps;
  provision(): Promise<void>;
  /** Resolves once this worker joined the pipeline's group; task states follow through the callbacks. */
  start(events: { onTasks(states: Map<string, TaskStatus>): void }): Promise<void>;
  stop(): Promise<void>;
}

export class Deployment {
  private readonly actor: Actor<typeof deploymentMachine>;
  private readonly taskStates = new Map<string, TaskStatus>();
  private stores: PipelineStatus['stores'];

  constructor(
    readonly pipeline: Pipeline,
    readonly version: number,
    readonly executor: PipelineExecutor,
  ) {
    const machine = deploymentMachine.provide({
      actors: {
        validate: fromPromise(async () => {
          const result = validatePipeline(pipeline);
          if (!result.ok) throw new Error(result.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '));
        }),
        provision: fromPromise(() => executor.provision()),
        startTasks: fromPromise(() => executor.start({ onTasks: (states) => this.onTasks(states) })),
        drain: fromPromise(() => executor.stop()),
      },
    });
    this.actor = createActor(machine, { input: { pipelineId: pipeline.id, version } });
  }

  start(stores?: PipelineStatus['stores']): void {
    this.stores = stores;
    this.actor.start();
  }

  /** Resolves when drained (or failed). */
  async stop(): Promise<void> {
    this.actor.send({ type: 'stop' });
    await new Promise<void>((done) => {
      const check = () => {
        const state = this.actor.getSnapshot().value;
        if (state === 'stopped' || state === 'failed') {
          subscription.unsubscribe();
          done();
        }
      };
      const subscription = this.actor.subscribe(check);
      check();
    });
  }

  status(): PipelineStatus {
    const snapshot = this.actor.getSnapshot();
    const { retryAt } = snapshot.context;
    const retrying = snapshot.value === 'failed' && retryAt !== undefined;
    return {
      state: snapshot.value as PipelineStatus['state'],
      reason: snapshot.context.reason,
      version: this.version,
      restoreProgress: snapshot.context.restoreProgress,
      stores: this.stores,
      tasks: [...this.taskStates].map(([id, task]) => `${id}:${task.state}`).sort(),
      ...(retrying ? { retryAt: new Date(retryAt).toISOString(), failures: snapshot.context.failures } : {}),
    };
  }

  private onTasks(states: Map<string, TaskStatus>): void {
    this.taskStates.clear();
    for (const [id, state] of states) this.taskStates.set(id, state);
    const values = [...states.entries()];
    const stuck = values.filter(([, task]) => NOT_PROCESSING.has(task.state));
    const starting = values.filter(([, task]) => STARTING.has(task.state)).length;
    if (stuck.length > 0) {
      const [id, task] = stuck[0] ?? ['', { state: '' }];
      const more = stuck.length > 1 ? ` (and ${stuck.length - 1} more tasks)` : '';
      this.actor.send({ type: 'tasks.degraded', reason: `task ${id} is ${task.state}: ${task.reason ?? 'no reason given'}${more}` });
    } else if (starting > 0) this.actor.send({ type: 'tasks.restoring', progress: 1 - starting / values.length });
    else this.actor.send({ type: 'tasks.running' });
  }
}
