import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import type { DeployPlan } from '../../shared/api/deploy-plan.ts';
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

const plan = { pipelineId: 'demo', nextVersion: 3, changed: true } as DeployPlan;

function machineWith(overrides: {
  validate?: () => Promise<ValidateOutput>;
  plan?: () => Promise<DeployPlan>;
  deploy?: () => Promise<DeployResponse>;
  stop?: () => Promise<PipelineSummary>;
  start?: () => Promise<PipelineSummary>;
}) {
  const calls: string[] = [];
  const reports: RevisionReport[] = [];
  const rolledBack: Array<{ pipelineId: string; revision: number }> = [];
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
      planDeploy: fromPromise(track('plan', overrides.plan ?? (async () => plan))),
      rollbackPipeline: fromPromise(
        track('rollback', async (): Promise<DeployResponse> => ({ version: 4, revision: 11, status: { state: 'running' } })),
      ),
      stopPipeline: fromPromise(track('stop', overrides.stop ?? (async () => summary(8)))),
      startPipeline: fromPromise(track('start', overrides.start ?? (async () => summary(9)))),
    },
    actions: {
      reportRevision: (_, report) => void reports.push(report),
      reportRolledBack: (_, report) => void rolledBack.push(report),
    },
  });
  return { actor: createActor(machine).start(), calls, reports, rolledBack };
}

/** Sends a deploy and confirms the plan once it is shown. */
async function deployConfirmed(actor: ReturnType<typeof machineWith>['actor'], baseRevision?: number) {
  actor.send({ type: 'DEPLOY', pipeline, baseRevision });
  await waitFor(actor, (s) => s.hasTag('confirming'));
  actor.send({ type: 'CONFIRM' });
}

describe('deploy machine', () => {
  it('validates, shows the plan, deploys once confirmed and ends up running, reporting what runs', async () => {
    const { actor, calls, reports } = machineWith({});
    actor.send({ type: 'DEPLOY', pipeline, baseRevision: 6 });
    const confirming = await waitFor(actor, (s) => s.hasTag('confirming'));
    expect(confirming.context.plan).toBe(plan);
    expect(calls).toEqual(['validate', 'plan']);
    actor.send({ type: 'CONFIRM' });
    const state = await waitFor(actor, (s) => s.matches('running'));
    expect(calls).toEqual(['validate', 'plan', 'deploy']);
    expect(state.context.pipelineId).toBe('demo');
    expect(reports).toEqual([{ revision: 7, deployed: pipeline }]);
  });

  it('is busy while it validates and deploys', async () => {
    let finish: (response: DeployResponse) => void = () => {};
    const { actor } = machineWith({ deploy: () => new Promise((done) => (finish = done)) });
    await deployConfirmed(actor);
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
    await deployConfirmed(actor);
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
    await deployConfirmed(actor);
    const state = await waitFor(actor, (s) => s.matches('failed'));
    expect(state.context.issues).toEqual([issue]);
    expect(reports).toEqual([]);
  });

  it('stops and starts a running pipeline, reporting each new revision', async () => {
    const { actor, calls, reports } = machineWith({});
    await deployConfirmed(actor);
    await waitFor(actor, (s) => s.matches('running'));
    actor.send({ type: 'STOP' });
    await waitFor(actor, (s) => s.matches('stopped'));
    actor.send({ type: 'START' });
    await waitFor(actor, (s) => s.matches('running'));
    expect(calls).toEqual(['validate', 'plan', 'deploy', 'stop', 'start']);
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

  it('goes back to running when the plan is cancelled, having deployed nothing', async () => {
    const { actor, calls } = machineWith({});
    actor.send({ type: 'OPENED', pipelineId: 'demo', running: true });
    actor.send({ type: 'DEPLOY', pipeline });
    await waitFor(actor, (s) => s.hasTag('confirming'));
    actor.send({ type: 'CANCEL' });
    expect(actor.getSnapshot().value).toBe('running');
    expect(actor.getSnapshot().context.plan).toBeUndefined();
    expect(calls).toEqual(['validate', 'plan']);
  });

  it('rolls back through the same plan and confirmation, and reports what runs after', async () => {
    const { actor, calls, rolledBack } = machineWith({});
    actor.send({ type: 'OPENED', pipelineId: 'demo', running: true });
    actor.send({ type: 'ROLLBACK', pipelineId: 'demo', version: 1, baseRevision: 10 });
    await waitFor(actor, (s) => s.hasTag('confirming'));
    expect(calls).toEqual(['plan']);
    actor.send({ type: 'CONFIRM' });
    await waitFor(actor, (s) => s.matches('running') && rolledBack.length > 0);
    expect(calls).toEqual(['plan', 'rollback']);
    expect(rolledBack).toEqual([{ pipelineId: 'demo', revision: 11 }]);
  });

  it('clears a refused plan’s failure with the next successful deploy', async () => {
    let refuse = true;
    const { actor } = machineWith({
      plan: async () => (refuse ? Promise.reject({ status: 422, code: 'invalid-pipeline', message: 'no', details: [] }) : plan),
    });
    actor.send({ type: 'DEPLOY', pipeline });
    await waitFor(actor, (s) => s.matches('failed'));
    refuse = false;
    await deployConfirmed(actor);
    const state = await waitFor(actor, (s) => s.matches('running'));
    expect(state.context.error).toBeUndefined();
  });

  it('forgets a pipeline the runtime deleted: nothing to stop or start', () => {
    const { actor } = machineWith({});
    actor.send({ type: 'OPENED', pipelineId: 'demo', running: true });
    actor.send({ type: 'DELETED', pipelineId: 'other' });
    expect(actor.getSnapshot().value).toBe('running');
    actor.send({ type: 'DELETED', pipelineId: 'demo' });
    expect(actor.getSnapshot().value).toBe('editing');
    expect(actor.getSnapshot().can({ type: 'STOP' })).toBe(false);
  });
});
