import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import type { DeployPlan } from '../../shared/api/deploy-plan.ts';
import type { Pipeline } from '../../shared/index.ts';
import { deployMachine } from '../machines/deploy.ts';
import type { PlanInput, ValidateOutput } from '../machines/deploy-actors.ts';
import { designerStore, openDocument } from '../store/designer-store.ts';
import { validateNow } from '../store/validation.ts';
import { documentWith } from '../test-utils/documents.ts';
import { DeployContext } from './deploy-context.ts';
import { ProblemsList } from './ProblemsList.tsx';

const doc = documentWith(
  [
    ['reviews', 'source.kafka'],
    ['out', 'sink.kafka'],
  ],
  [['reviews:out', 'out:in']],
);
afterEach(cleanup);

function renderWith(logic = deployMachine) {
  return render(
    <DeployContext.Provider logic={logic}>
      <ProblemsList />
    </DeployContext.Provider>,
  );
}

describe('the problems list', () => {
  it("lists the validator's issues; clicking one selects its node and the field its path names", () => {
    openDocument(doc);
    act(() => void validateNow(doc));
    renderWith();
    const problem = screen.getByTestId('problem');
    expect(problem.textContent).toContain('out');
    expect(problem.textContent).toContain('/nodes/1/config/topic');
    fireEvent.click(screen.getByRole('button'));
    expect(designerStore.get().selection).toEqual({ nodeIds: ['out'], edgeKeys: [], focusPath: '/nodes/1/config/topic' });
  });

  it('says so when there is nothing wrong', () => {
    const valid = { ...doc, nodes: doc.nodes.map((n) => (n.id === 'out' ? { ...n, config: { topic: 'stats' } } : n)) };
    act(() => void validateNow(valid));
    renderWith();
    expect(screen.getByTestId('problems-none').textContent).toContain('No problems');
  });

  it('adds what the runtime refused a deploy for, under its own heading', async () => {
    const valid = { ...doc, nodes: doc.nodes.map((n) => (n.id === 'out' ? { ...n, config: { topic: 'stats' } } : n)) };
    act(() => void validateNow(valid));
    const refused = { code: 'invalid-value', path: '/nodes/1/config/topic', nodeId: 'out', message: 'that topic belongs to someone else' };
    const logic = deployMachine.provide({
      actors: {
        validatePipeline: fromPromise<ValidateOutput, { pipeline: unknown }>(async () => ({
          ok: true,
          pipeline: valid as unknown as Pipeline,
        })),
        // The runtime's dry run refuses what its deploy would: the 422 arrives before anything is applied.
        planDeploy: fromPromise<DeployPlan, PlanInput>(async () => {
          throw { status: 422, code: 'invalid-pipeline', message: 'The pipeline has 1 problem', details: [refused] };
        }),
      },
    });
    const actor = createActor(logic).start();
    actor.send({ type: 'DEPLOY', pipeline: valid });
    await waitFor(actor, (s) => s.matches('failed'));
    render(
      <DeployContext.Provider logic={logic} options={{ snapshot: actor.getPersistedSnapshot() }}>
        <ProblemsList />
      </DeployContext.Provider>,
    );
    expect(screen.getByText('The runtime refused the deploy; the running version keeps running:')).toBeDefined();
    expect(screen.getByTestId('problem').textContent).toContain('that topic belongs to someone else');
  });
});
