// Keeps the designer in step with the runtime. On load it opens the pipeline that was open last (or review-stats, or
// what runs) unless a restored draft is already open; from then on it polls the runtime's pipelines so the status
// badge, the switcher, the dirty marker and the deploy machine say what the runtime reports, a deleted pipeline
// included.
import { useEffect } from 'react';
import { refreshRuntimePipelines } from '../api/runtime-pipelines.ts';
import type { PipelineSummary } from '../api/types.ts';
import { currentDocument, designerStore, markDeletedOnRuntime } from '../store/designer-store.ts';
import { browserStorage, lastOpen } from '../store/drafts.ts';
import { DeployContext } from './deploy-context.ts';
import { type DeployActor, type Deployed, loadDeployed, openDeployed } from './open-deployed.ts';

const PREFERRED_PIPELINE = 'review-stats';

export function useRuntimeSync(intervalMs = 2000): void {
  const deploy = DeployContext.useActorRef();
  useEffect(() => {
    let live = true;
    let loaded = false;
    const openedAtLoad = designerStore.get().opened;
    // The open document follows the answer before the answer is stored: published first, the status badge said
    // "running · v1" while the dirty marker still said "not deployed", until the deployed copy had loaded.
    async function poll() {
      await refreshRuntimePipelines(async (pipelines) => {
        if (!live) return;
        const first = loaded ? undefined : pipelineToOpen(pipelines);
        loaded = true;
        if (first && untouchedSince(openedAtLoad)) await openDeployed(first.id, deploy);
        else await followOpenPipeline(pipelines, deploy);
      });
    }
    void poll();
    const timer = setInterval(() => void poll(), intervalMs);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [deploy, intervalMs]);
}

function pipelineToOpen(pipelines: PipelineSummary[]): PipelineSummary | undefined {
  const storage = browserStorage();
  const last = storage && lastOpen(storage);
  return (
    pipelines.find((p) => p.id === last) ??
    pipelines.find((p) => p.id === PREFERRED_PIPELINE) ??
    pipelines.find((p) => p.desired === 'running') ??
    pipelines[0]
  );
}

/** Still the document the page opened with: nothing edited, nothing else opened, no draft brought back. */
function untouchedSince(openedAtLoad: number): boolean {
  const state = designerStore.get();
  return state.opened === openedAtLoad && state.history.past.length === 0 && state.restoredDraft === undefined;
}

async function followOpenPipeline(pipelines: PipelineSummary[], deploy: DeployActor): Promise<void> {
  const state = designerStore.get();
  const id = currentDocument(state).id;
  const summary = pipelines.find((pipeline) => pipeline.id === id);
  if (!summary) {
    if (state.deployedId === id && !state.deletedOnRuntime) {
      markDeletedOnRuntime();
      deploy.send({ type: 'DELETED', pipelineId: id });
    }
    return;
  }
  if (state.runningDocument === undefined) {
    // A draft, a template or a file with the id of a deployed pipeline: compare with, and deploy over, what runs.
    const deployed = await loadDeployed(id);
    if (typeof deployed !== 'string' && currentDocument(designerStore.get()).id === id) adoptDeployed(deployed);
  }
  deploy.send({ type: 'RUNTIME_STATE', pipelineId: id, running: summary.desired === 'running' });
}

/** What runs beside the open document; a draft keeps the revision it was based on, so a stale one gets a 409. */
function adoptDeployed(deployed: Deployed): void {
  designerStore.set((state) => ({
    ...state,
    runningDocument: deployed.doc,
    baseRevision: state.baseRevision ?? deployed.revision,
    deployedId: deployed.doc.id,
    deletedOnRuntime: false,
  }));
}
