import { act, cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import reviewStats from '../../pipelines/review-stats.json';
import { runtimePipelinesStore } from '../api/runtime-pipelines.ts';
import type { PipelineSummary } from '../api/types.ts';
import { reviewStatsTemplate } from '../pages/templates.ts';
import { designerStore, openDocument } from '../store/designer-store.ts';
import { emptyDocument } from '../store/document.ts';
import { DeployContext } from './deploy-context.ts';
import { deployedness } from './dirty.ts';
import { useRuntimeSync } from './use-runtime-sync.ts';

const deployed = { ...reviewStats, description: 'as deployed' };
const summary: PipelineSummary = {
  id: 'review-stats',
  name: 'Review statistics',
  version: 4,
  revision: 9,
  desired: 'running',
  status: { state: 'running' },
};

/** The runtime's answers: its pipeline list, and the deployed document. */
function fakeRuntime(listDelay: Promise<void> = Promise.resolve(), pipelineDelay: Promise<void> = Promise.resolve()) {
  const answer = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      if (url === '/api/pipelines') {
        await listDelay;
        return answer({ pipelines: [summary] });
      }
      if (url === '/api/pipelines/review-stats') await pipelineDelay;
      if (url === '/api/pipelines/review-stats') return answer({ pipeline: deployed, version: 4, revision: 9, desired: 'running' });
      return new Response('{}', { status: 404 });
    }),
  );
}

let machineState = '';
function Synced() {
  useRuntimeSync(60_000);
  machineState = String(DeployContext.useSelector((s) => s.value));
  return null;
}

beforeEach(() => {
  runtimePipelinesStore.set(() => ({ state: 'loading' }));
  openDocument(reviewStatsTemplate());
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('keeping the designer in step with the runtime', () => {
  it('opens the deployed version of the pipeline the runtime runs, as running and in sync', async () => {
    fakeRuntime();
    render(
      <DeployContext.Provider>
        <Synced />
      </DeployContext.Provider>,
    );
    await vi.waitFor(() => expect(designerStore.get().baseRevision).toBe(9));
    expect(designerStore.get().history.present.description).toBe('as deployed');
    expect(designerStore.get().runningDocument).toBe(designerStore.get().history.present);
    expect(machineState).toBe('running');
  });

  it('shows what runs only once its deployed copy is open, so the status badge and the dirty marker never disagree', async () => {
    let answerPipeline = () => {};
    fakeRuntime(Promise.resolve(), new Promise((done) => (answerPipeline = done)));
    const seen: string[] = [];
    const stop = runtimePipelinesStore.subscribe(() => {
      const state = designerStore.get();
      if (runtimePipelinesStore.get().state === 'ok') seen.push(deployedness(state.history.present, state.runningDocument));
    });
    render(
      <DeployContext.Provider>
        <Synced />
      </DeployContext.Provider>,
    );
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledWith('/api/pipelines/review-stats', expect.anything()));
    expect(runtimePipelinesStore.get().state).not.toBe('ok');
    await act(async () => answerPipeline());
    await vi.waitFor(() => expect(runtimePipelinesStore.get().state).toBe('ok'));
    stop();
    expect(seen).toEqual(['in-sync']);
  });

  it('leaves a document opened before the runtime answered alone', async () => {
    let answerList = () => {};
    fakeRuntime(new Promise((done) => (answerList = done)));
    render(
      <DeployContext.Provider>
        <Synced />
      </DeployContext.Provider>,
    );
    act(() => openDocument(emptyDocument('mine', 'Mine')));
    await act(async () => answerList());
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledWith('/api/pipelines', expect.anything()));
    expect(designerStore.get().history.present.id).toBe('mine');
    expect(machineState).toBe('editing');
  });
});
