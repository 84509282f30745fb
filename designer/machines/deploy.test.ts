import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import type { Pipeline } from '../../shared/index.ts';
import type { DeployResponse } from '../api/types.ts';
import { deployMachine } from './deploy.ts';
import type { ValidateOutput } from './deploy-actors.ts';

const pipeline = { format: 1, id: 'demo', name: 'Demo', nodes: [], edges: [] } as unknown as Pipeline;

function machineWith(overrides: {
  validate?: () => Promise<ValidateOutput>;
  deploy?: () => Promise<DeployResponse>;
  stop?: () => Promise<unknown>;
  start?: () => Promise<unknown>;
}) {
  const calls: string[] = [];
  const track =
    <T>(name: string, run: () => Promise<T>) =>
    async () => {
      calls.push(name);
      return run();
    };
  const machine = deployMachine.provide({
    actors: {
      validatePipeline: fromPromise(track('validate', overrides.validate ?? (async () => ({ ok: true as const, pipeline })))),
      deployPipeline: fromPromise(
        track('deploy', overrides.deploy ?? (async () => ({ version: 3, revision: 7, status: { state: 'running' as const } }))),
      ),
      stopPipeline: fromPromise(track('stop', overrides.stop ?? (async () => ({})))),
      startPipeline: fromPromise(track('start', overrides.start ?? (async () => ({})))),
    },
  });
  return { actor: createActor(machine).start(), calls };
}

describe('deploy machine', () => {
  it('validates, deploys and ends up running with the new version', async () => {
    const { actor, calls } = machineWith({});
    actor.send({ type: 'DEPLOY', pipeline, baseRevision: 6 });
    const state = await waitFor(actor, (s) => s.matches('running'));
    expect(calls).toEqual(['validate', 'deploy']);
    expect(state.context).toMatchObject({ version: 3, revision: 7, pipelineId: 'demo' });
  });

  it('stops at validation with the issues and never calls deploy', async () => {
    const issue = { code: 'no-source' as const, path: '/nodes', message: 'needs a source' };
    const { actor, calls } = machineWith({ validate: async () => ({ ok: false, issues: [issue] }) });
    actor.send({ type: 'DEPLOY', pipeline });
    const state = await waitFor(actor, (s) => s.matches('failed'));
    expect(state.context.issues).toEqual([issue]);
    expect(calls).toEqual(['validate']);
  });

  it('shows the runtime error when the deploy is refused', async () => {
    const { actor } = machineWith({
      deploy: async () => Promise.reject({ status: 409, code: 'stale-revision', message: 'someone else deployed first' }),
    });
    actor.send({ type: 'DEPLOY', pipeline });
    const state = await waitFor(actor, (s) => s.matches('failed'));
    expect(state.context.error).toMatchObject({ status: 409, message: 'someone else deployed first' });
  });

  it('stops and starts a running pipeline', async () => {
    const { actor, calls } = machineWith({});
    actor.send({ type: 'DEPLOY', pipeline });
    await waitFor(actor, (s) => s.matches('running'));
    actor.send({ type: 'STOP' });
    await waitFor(actor, (s) => s.matches('stopped'));
    actor.send({ type: 'START' });
    await waitFor(actor, (s) => s.matches('running'));
    expect(calls).toEqual(['validate', 'deploy', 'stop', 'start']);
  });

  it('follows what the runtime reports for an opened pipeline', async () => {
    const { actor } = machineWith({});
    actor.send({ type: 'RUNTIME_STATE', pipelineId: 'demo', running: true });
    expect(actor.getSnapshot().value).toBe('running');
    actor.send({ type: 'RUNTIME_STATE', pipelineId: 'demo', running: false });
    expect(actor.getSnapshot().value).toBe('stopped');
  });

  it('can be dismissed after a failure', async () => {
    const { actor } = machineWith({ validate: async () => Promise.reject(new Error('boom')) });
    actor.send({ type: 'DEPLOY', pipeline });
    const failed = await waitFor(actor, (s) => s.matches('failed'));
    expect(failed.context.error?.message).toContain('boom');
    actor.send({ type: 'DISMISS' });
    expect(actor.getSnapshot().value).toBe('editing');
  });
});
