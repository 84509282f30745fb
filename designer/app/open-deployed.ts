// Opening a pipeline: what the runtime runs, or the local draft kept for it (beside what runs, for the dirty
// marker), or a document the runtime does not run; the deploy machine hears whether the runtime wants it running.
import type { ActorRefFrom } from 'xstate';
import { api } from '../api/client.ts';
import type { DesiredState } from '../api/types.ts';
import type { deployMachine } from '../machines/deploy.ts';
import { designerStore, openDocument } from '../store/designer-store.ts';
import { asDesignDocument, type DesignDocument, emptyDocument } from '../store/document.ts';
import { browserStorage, type Draft, loadDraft, removeDraft } from '../store/drafts.ts';
import { deployedness } from './dirty.ts';

export type DeployActor = ActorRefFrom<typeof deployMachine>;
export type Deployed = { doc: DesignDocument; revision: number; desired: DesiredState };

/** The deployed version of a pipeline, or why it cannot be had. */
export async function loadDeployed(pipelineId: string): Promise<Deployed | string> {
  const result = await api.getPipeline(pipelineId);
  if (!result.ok) return `Could not open ${pipelineId}: ${result.error.message}`;
  const doc = asDesignDocument(result.value.pipeline);
  if (!doc) return `Could not open ${pipelineId}: the runtime's copy is not a pipeline the designer can draw.`;
  return { doc, revision: result.value.revision, desired: result.value.desired };
}

/** Opens a pipeline the runtime has: its draft when one is kept and differs, else what runs. Returns why not. */
export async function openDeployed(pipelineId: string, deploy: DeployActor): Promise<string | undefined> {
  const deployed = await loadDeployed(pipelineId);
  if (typeof deployed === 'string') return deployed;
  const storage = browserStorage();
  const draft = storage && loadDraft(storage, pipelineId);
  if (draft && deployedness(draft.doc, deployed.doc) !== 'in-sync') openDraft(draft, deployed);
  else openDocument(deployed.doc, { revision: deployed.revision, running: deployed.doc });
  deploy.send({ type: 'OPENED', pipelineId, running: deployed.desired === 'running' });
  return undefined;
}

/** Opens a kept draft, marked as one; with what runs beside it when the runtime has the pipeline. */
export function openDraft(draft: Draft, deployed?: Deployed): void {
  openDocument(draft.doc, {
    revision: draft.baseRevision ?? deployed?.revision,
    running: deployed?.doc,
    deployedId: deployed || draft.baseRevision !== undefined ? draft.doc.id : undefined,
    restoredDraft: { savedAt: draft.savedAt },
  });
}

/** Opens a document the runtime does not run (a template, a file, a copy). */
export function openLocal(doc: DesignDocument, deploy: DeployActor): void {
  openDocument(doc);
  deploy.send({ type: 'OPENED' });
}

/** Throws the open pipeline's draft away: back to what runs, or to an empty pipeline when nothing does. */
export async function discardDraft(deploy: DeployActor): Promise<string | undefined> {
  const state = designerStore.get();
  const { id, name } = state.history.present;
  const storage = browserStorage();
  if (storage) removeDraft(storage, id);
  if (state.runningDocument) {
    // What runs, at once (so nothing keeps the draft meanwhile), then as the runtime has it now.
    openDocument(state.runningDocument, { running: state.runningDocument, revision: state.baseRevision });
    return openDeployed(id, deploy);
  }
  openLocal(emptyDocument(id, name), deploy);
  return undefined;
}
