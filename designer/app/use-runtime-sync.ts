// Keeps the designer in step with the runtime. On load it opens the pipeline the runtime runs (review-stats when it
// is there) instead of the bundled template; from then on it polls the runtime's pipelines so the status badge, the
// pipeline switcher, the dirty marker and the deploy machine say what the runtime reports.
import { useEffect } from 'react';
import { refreshRuntimePipelines } from '../api/runtime-pipelines.ts';
import type { PipelineSummary } from '../api/types.ts';
import { currentDocument, designerStore, markDeployed } from '../store/designer-store.ts';
import { DeployContext } from './deploy-context.ts';
import { type DeployActor, loadDeployed, openDeployed } from './open-deployed.ts';

const PREFERRED_PIPELINE = 'review-stats';

export function useRuntimeSync(intervalMs = 2000): void {
  const deploy = DeployContext.useActorRef();
  useEffect(() => {
    let live = true;
    let loaded = false;
    const openedAtLoad = designerStore.get().opened;
    async function poll() {
      const pipelines = await refreshRuntimePipelines();
      if (!live || !pipelines) return;
      const first = loaded ? undefined : pipelineToOpen(pipelines);
      loaded = true;
      if (first && untouchedSince(openedAtLoad)) await openDeployed(first.id, deploy);
      else await followOpenPipeline(pipelines, deploy);
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
  return pipelines.find((p) => p.id === PREFERRED_PIPELINE) ?? pipelines.find((p) => p.desired === 'running') ?? pipelines[0];
}

/** Still the document the page opened with: nothing edited, nothing else opened. */
function untouchedSince(openedAtLoad: number): boolean {
  const state = designerStore.get();
  return state.opened === openedAtLoad && state.history.past.length === 0;
}

async function followOpenPipeline(pipelines: PipelineSummary[], deploy: DeployActor): Promise<void> {
  const id = currentDocument(designerStore.get()).id;
  const summary = pipelines.find((pipeline) => pipeline.id === id);
  if (!summary) return;
  if (designerStore.get().baseRevision === undefined) {
    // A template or a file with the id of a deployed pipeline: compare with, and deploy over, what runs.
    const deployed = await loadDeployed(id);
    if (typeof deployed !== 'string' && currentDocument(designerStore.get()).id === id) markDeployed(deployed.revision, deployed.doc);
  }
  deploy.send({ type: 'RUNTIME_STATE', pipelineId: id, running: summary.desired === 'running' });
}
