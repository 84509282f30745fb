import { afterEach, describe, expect, it, vi } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import { deploymentMachine, retryDelayMs } from './deployment-machine.ts';

const ok = fromPromise<void, { pipelineId: string }>(async () => {});
const failing = (message: string) =>
  fromPromise<void, { pipelineId: string }>(async () => {
    throw new Error(message);
  });

function start(
  overrides: Partial<
    Record<'validate' | 'provision' | 'startTasks' | 'drain', ReturnType<typeof fromPromise<void, { pipelineId: string }>>>
  > = {},
) {
  const machine = deploymentMachine.provide({ actors: { validate: ok, provision: ok, startTasks: ok, drain: ok, ...overrides } });
  const actor = createActor(machine, { input: { pipelineId: 'review-stats', version: 3 } });
  actor.start();
  return actor;
}

describe('the deployment lifecycle', () => {
  it('goes validating → provisioning → restoring, and to running once the tasks report running', async () => {
    const actor = start();
    await waitFor(actor, (s) => s.matches('restoring'));
    actor.send({ type: 'tasks.restoring', progress: 0.5 });
    expect(actor.getSnapshot().context.restoreProgress).toBe(0.5);
    actor.send({ type: 'tasks.running' });
    expect(actor.getSnapshot().value).toBe('running');
    expect(actor.getSnapshot().context.restoreProgress).toBeUndefined();
  });

  it('moves between running and rebalancing as partitions move', async () => {
    const actor = start();
    await waitFor(actor, (s) => s.matches('restoring'));
    actor.send({ type: 'tasks.running' });
    actor.send({ type: 'rebalance.started' });
    expect(actor.getSnapshot().value).toBe('rebalancing');
    actor.send({ type: 'rebalance.finished' });
    expect(actor.getSnapshot().value).toBe('running');
  });

  it('drains before it stops', async () => {
    let drained = false;
    const actor = start({
      drain: fromPromise(async () => {
        drained = true;
      }),
    });
    await waitFor(actor, (s) => s.matches('restoring'));
    actor.send({ type: 'tasks.running' });
    actor.send({ type: 'stop' });
    const stopped = await waitFor(actor, (s) => s.matches('stopped'));
    expect(drained).toBe(true);
    expect(stopped.status).toBe('done');
  });

  it('fails with the reason when provisioning fails, ignores task reports while failed, and drains on a stop', async () => {
    const actor = start({ provision: failing('topic reviews has 3 partitions, the plan needs 6') });
    const failed = await waitFor(actor, (s) => s.matches('failed'));
    expect(failed.context.reason).toBe('provisioning topics failed: topic reviews has 3 partitions, the plan needs 6');
    expect(failed.context.retryAt).toBeGreaterThan(Date.now());
    actor.send({ type: 'tasks.running' });
    expect(actor.getSnapshot().value).toBe('failed');
    actor.send({ type: 'stop' }); // drains what the failed start may have left running
    expect((await waitFor(actor, (s) => s.matches('stopped'))).status).toBe('done');
  });

  it('says degraded, with the reason, while a task is not processing, and running again once it is', async () => {
    const actor = start();
    await waitFor(actor, (s) => s.matches('restoring'));
    actor.send({ type: 'tasks.running' });
    actor.send({ type: 'tasks.degraded', reason: 'task p.1.0 is failing: sink table: connect ECONNREFUSED' });
    expect(actor.getSnapshot().value).toBe('degraded');
    expect(actor.getSnapshot().context.reason).toContain('ECONNREFUSED');
    actor.send({ type: 'tasks.running' });
    expect(actor.getSnapshot().value).toBe('running');
    expect(actor.getSnapshot().context.reason).toBeUndefined();
  });

  it('fails from any state when a worker reports a fatal error', async () => {
    const actor = start();
    await waitFor(actor, (s) => s.matches('restoring'));
    actor.send({ type: 'tasks.running' });
    actor.send({ type: 'fail', reason: 'state store corrupt' });
    expect(actor.getSnapshot().value).toBe('failed');
    expect(actor.getSnapshot().context.reason).toBe('state store corrupt');
  });
});

describe('a deployment that failed to start', () => {
  afterEach(() => vi.useRealTimers());

  it('is tried again after a pause that grows with each failure, stopping what the failed start left first', async () => {
    vi.useFakeTimers();
    let provisions = 0;
    let drains = 0;
    const actor = start({
      provision: fromPromise(async () => {
        provisions++;
        if (provisions < 3) throw new Error('the broker is not reachable');
      }),
      drain: fromPromise(async () => {
        drains++;
      }),
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(actor.getSnapshot().value).toBe('failed');
    expect(actor.getSnapshot().context.failures).toBe(1);
    await vi.advanceTimersByTimeAsync(retryDelayMs(1) - 10);
    expect(provisions).toBe(1);
    await vi.advanceTimersByTimeAsync(20);
    expect(provisions).toBe(2);
    expect(actor.getSnapshot().context.failures).toBe(2);
    await vi.advanceTimersByTimeAsync(retryDelayMs(2));
    expect(provisions).toBe(3);
    expect(drains).toBe(2);
    expect(actor.getSnapshot().value).toBe('restoring');
    actor.send({ type: 'tasks.running' });
    expect(actor.getSnapshot().context.failures).toBe(0);
  });

  it('is not tried again when the pipeline itself is invalid', async () => {
    vi.useFakeTimers();
    const actor = start({ validate: failing('/nodes/0: unknown type') });
    await vi.advanceTimersByTimeAsync(0);
    expect(actor.getSnapshot().value).toBe('failed');
    await vi.advanceTimersByTimeAsync(retryDelayMs(10));
    expect(actor.getSnapshot().value).toBe('failed');
  });

  it('waits 1 s, 2 s, 4 s … and at most a minute', () => {
    expect([1, 2, 3, 4, 10].map(retryDelayMs)).toEqual([1000, 2000, 4000, 8000, 60_000]);
  });
});

describe('a stop while the deployment is still starting', () => {
  const gate = () => {
    let open: () => void = () => {};
    const opened = new Promise<void>((done) => {
      open = done;
    });
    return { open, opened, actor: fromPromise<void, { pipelineId: string }>(() => opened) };
  };

  for (const phase of ['validate', 'provision'] as const) {
    it(`is kept while it ${phase}s: it ends stopped and never starts the tasks`, async () => {
      const slow = gate();
      let started = false;
      const actor = start({
        [phase]: slow.actor,
        startTasks: fromPromise(async () => {
          started = true;
        }),
      });
      await waitFor(actor, (s) => s.matches(phase === 'validate' ? 'validating' : 'provisioning'));
      actor.send({ type: 'stop' });
      slow.open();
      const stopped = await waitFor(actor, (s) => s.matches('stopped'));
      expect(stopped.status).toBe('done');
      expect(started).toBe(false);
    });
  }

  it('drains only after the tasks finished starting', async () => {
    const slow = gate();
    const order: string[] = [];
    const actor = start({
      startTasks: fromPromise(async () => {
        order.push('starting');
        await slow.opened;
        order.push('started');
      }),
      drain: fromPromise(async () => {
        order.push('drained');
      }),
    });
    await waitFor(actor, (s) => s.matches('restoring'));
    actor.send({ type: 'stop' });
    slow.open();
    await waitFor(actor, (s) => s.matches('stopped'));
    expect(order).toEqual(['starting', 'started', 'drained']);
  });
});
