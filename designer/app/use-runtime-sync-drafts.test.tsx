// What the runtime sync does around drafts and deletions: a restored draft stays open beside what runs, the pipeline
// that was open last is the one reopened, and a pipeline the runtime no longer has is shown as deleted.
import { cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import reviewStats from '../../pipelines/review-stats.json';
import type { PipelineSummary } from '../api/types.ts';
import { reviewStatsTemplate } from '../pages/templates.ts';
import { designerStore, openDocument } from '../store/designer-store.ts';
import { rememberOpen } from '../store/drafts.ts';
import { DeployContext } from './deploy-context.ts';
import { openDraft } from './open-deployed.ts';
import { useRuntimeSync } from './use-runtime-sync.ts';

const other = { ...reviewStats, id: 'other', name: 'Other' };
const summaryOf = (id: string, revision: number): PipelineSummary => ({
  id,
  name: id,
  version: 1,
  revision,
  desired: 'running',
  status: { state: 'running' },
});

/** The runtime, with the pipelines it has now (the list can change between polls). */
function fakeRuntime(has: { ids: string[] }) {
  const answer = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      if (url === '/api/pipelines') return answer({ pipelines: has.ids.map((id) => summaryOf(id, 5)) });
      const id = url.replace('/api/pipelines/', '');
      if (has.ids.includes(id))
        return answer({ pipeline: id === 'other' ? other : reviewStats, version: 1, revision: 5, desired: 'running' });
      return new Response('{}', { status: 404 });
    }),
  );
}

function Synced({ everyMs = 60_000 }: { everyMs?: number }) {
  useRuntimeSync(everyMs);
  return null;
}
const mount = (everyMs?: number) =>
  render(
    <DeployContext.Provider>
      <Synced everyMs={everyMs} />
    </DeployContext.Provider>,
  );

beforeEach(() => {
  localStorage.clear();
  openDocument(reviewStatsTemplate());
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the runtime sync, with drafts', () => {
  it('reopens the pipeline that was open last', async () => {
    rememberOpen(localStorage, 'other');
    fakeRuntime({ ids: ['review-stats', 'other'] });
    mount();
    await vi.waitFor(() => expect(designerStore.get().history.present.id).toBe('other'));
    expect(designerStore.get().runningDocument?.name).toBe('Other');
  });

  it('leaves a restored draft open, with what runs beside it and the revision the draft was based on', async () => {
    openDraft({ doc: { ...reviewStatsTemplate(), name: 'Drafted' }, baseRevision: 3, savedAt: 'then' });
    fakeRuntime({ ids: ['review-stats'] });
    mount();
    await vi.waitFor(() => expect(designerStore.get().runningDocument).toBeDefined());
    expect(designerStore.get().history.present.name).toBe('Drafted');
    expect(designerStore.get().baseRevision).toBe(3);
    expect(designerStore.get().restoredDraft).toEqual({ savedAt: 'then' });
  });

  it('marks the open pipeline deleted once the runtime no longer has it', async () => {
    const runtime = { ids: ['review-stats'] };
    fakeRuntime(runtime);
    mount(20);
    await vi.waitFor(() => expect(designerStore.get().deployedId).toBe('review-stats'));
    runtime.ids = [];
    await vi.waitFor(() => expect(designerStore.get().deletedOnRuntime).toBe(true));
    expect(designerStore.get().runningDocument).toBeUndefined();
  });
});
