import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import type { Pipeline } from '../../shared/index.ts';
import type { DeployResponse, PipelineSummary } from '../api/types.ts';
import { deployMachine, type RevisionReport } from './deploy.ts';
import type { ValidateOutput } from './deploy-actors.ts';

const pipeline = { format: 1, id: 'demo', name: 'Demo', nodes: [], edges: [] } as unknown as Pipeline;
const summary = (revision: number): PipelineSummary => ({
  id: 'demo',
  name: 'Demo',
  version: 3,
  revision,
  desired: 'running',
  status: { state: 'running' },
});

function machineWith(overrides: {
  validate?: () => Promise<ValidateOutput>;
  deploy?: () => Promise<DeployResponse>;
  stop?: () => Promise<PipelineSummary>;
  start?: () => Promise<PipelineSummary>;
}) {
  const calls: string[] = [];
  const reports: RevisionReport[] = [];
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
      stopPipeline: fromPromise(track('stop', overrides.stop ?? (async () => summary(8)))),
      startPipeline: fromPromise(track('start', overrides.start ?? (async () => summary(9)))),
    },
    actions: { reportRevision: (_, report) => void reports.push(report) },
  });
  return { actor: createActor(machine).start(), calls, reports };
}

describe('deploy machine', () => {
  it('validates, deploys and ends up running with the new version, reporting what runs', async () => {
    const { actor, calls, reports } = machineWith({});
    actor.send({ type: 'DEPLOY', pipeline, baseRevision: 6 });
    const state = await waitFor(actor, (s) => s.matches('running'));
    expect(calls).toEqual(['validate', 'deploy']);
    expect(state.context.pipelineId).toBe('demo');
    expect(reports).toEqual([{ revision: 7, deployed: pipeline }]);
  });

  it('is busy while it validates and deploys', async () => {
    let finish: (response: DeployResponse) => void = () => {};
    const { actor } = machineWith({ deploy: () => new Promise((done) => (finish = done)) });
    actor.send({ type: 'DEPLOY', pipeline });
    await waitFor(actor, (s) => s.matches('deploying'));
    expect(actor.getSnapshot().hasTag('busy')).toBe(true);
    finish({ version: 1, revision: 1, status: { state: 'running' } });
    const state = await waitFor(actor, (s) => s.matches('running'));
    expect(state.hasTag('busy')).toBe(false);
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
      deploy: async () => Promise.reject({ status: 409, code: 'revision-conflict', message: 'someone else deployed first' }),
    });
    actor.send({ type: 'DEPLOY', pipeline });
    const state = await waitFor(actor, (s) => s.matches('failed'));
    expect(state.context.error).toMatchObject({ status: 409, message: 'someone else deployed first' });
    expect(state.context.issues).toEqual([]);
  });

  it("takes a 422's details as the issues to show", async () => {
    const issue = { code: 'invalid-value' as const, path: '/nodes/3/config/connection', nodeId: 'table', message: 'no secrets' };
    const { actor, reports } = machineWith({
      deploy: async () =>
        Promise.reject({ status: 422, code: 'invalid-pipeline', message: 'The pipeline has 1 problem', details: [issue] }),
    });
    actor.send({ type: 'DEPLOY', pipeline });
    const state = await waitFor(actor, (s) => s.matches('failed'));
    expect(state.context.issues).toEqual([issue]);
    expect(reports).toEqual([]);
  });

  it('stops and starts a running pipeline, reporting each new revision', async () => {
    const { actor, calls, reports } = machineWith({});
    actor.send({ type: 'DEPLOY', pipeline });
    await waitFor(actor, (s) => s.matches('running'));
    actor.send({ type: 'STOP' });
    await waitFor(actor, (s) => s.matches('stopped'));
    actor.send({ type: 'START' });
    await waitFor(actor, (s) => s.matches('running'));
    expect(calls).toEqual(['validate', 'deploy', 'stop', 'start']);
    expect(reports.map((report) => report.revision)).toEqual([7, 8, 9]);
  });

  it('follows what the runtime wants of the open pipeline, and ignores reports about others', () => {
    const { actor } = machineWith({});
    actor.send({ type: 'RUNTIME_STATE', pipelineId: 'demo', running: true });
    expect(actor.getSnapshot().value).toBe('running');
    actor.send({ type: 'RUNTIME_STATE', pipelineId: 'other', running: false });
    expect(actor.getSnapshot().value).toBe('running');
    actor.send({ type: 'RUNTIME_STATE', pipelineId: 'demo', running: false });
    expect(actor.getSnapshot().value).toBe('stopped');
  });

  it('starts over for each opened document', () => {
    const { actor } = machineWith({});
    actor.send({ type: 'OPENED', pipelineId: 'demo', running: true });
    expect(actor.getSnapshot().value).toBe('running');
    expect(actor.getSnapshot().context.pipelineId).toBe('demo');
    actor.send({ type: 'OPENED', pipelineId: 'paused', running: false });
    expect(actor.getSnapshot().value).toBe('stopped');
    actor.send({ type: 'OPENED' });
    expect(actor.getSnapshot().value).toBe('editing');
    expect(actor.getSnapshot().context.pipelineId).toBeUndefined();
    expect(actor.getSnapshot().can({ type: 'STOP' })).toBe(false);
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
