// One pipeline version running on this worker: the lifecycle machine with its
// effects bound to an executor (the Kafka runner in production).
import { type Actor, createActor, fromPromise } from 'xstate';
import { type Pipeline, validatePipeline } from '../../shared/index.ts';
import type { MetricsRegistry } from '../engine/metrics.ts';
import type { Taps } from '../engine/tap.ts';
import { deploymentMachine } from './deployment-machine.ts';
import type { PipelineStatus } from './runtime-control.ts';

/** What runs a pipeline; the Kafka runner implements it. */
export interface PipelineExecutor {
  metrics: MetricsRegistry;
  taps: Taps;
  provision(): Promise<void>;
  /** Resolves once this worker joined the pipeline's group; task states follow through the callbacks. */
  start(events: { onTasks(states: Map<string, string>): void }): Promise<void>;
  stop(): Promise<void>;
}

export class Deployment {
  private readonly actor: Actor<typeof deploymentMachine>;
  private readonly taskStates = new Map<string, string>();
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
    return {
      state: snapshot.value as PipelineStatus['state'],
      reason: snapshot.context.reason,
      version: this.version,
      restoreProgress: snapshot.context.restoreProgress,
      stores: this.stores,
      tasks: [...this.taskStates].map(([id, state]) => `${id}:${state}`).sort(),
    };
  }

  private onTasks(states: Map<string, string>): void {
    this.taskStates.clear();
    for (const [id, state] of states) this.taskStates.set(id, state);
    const values = [...states.values()];
    const restoring = values.filter((state) => state === 'claiming' || state === 'restoring').length;
    if (restoring > 0) this.actor.send({ type: 'tasks.restoring', progress: 1 - restoring / values.length });
    else this.actor.send({ type: 'tasks.running' });
  }
}
