// Opening what the runtime runs: its deployed document becomes the open one, what runs is remembered for the dirty
// marker, and the deploy machine hears whether the runtime wants it running.
import type { ActorRefFrom } from 'xstate';
import { api } from '../api/client.ts';
import type { DesiredState } from '../api/types.ts';
import type { deployMachine } from '../machines/deploy.ts';
import { openDocument } from '../store/designer-store.ts';
import { asDesignDocument, type DesignDocument } from '../store/document.ts';

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

/** Opens the deployed version; returns the reason when it could not. */
export async function openDeployed(pipelineId: string, deploy: DeployActor): Promise<string | undefined> {
  const deployed = await loadDeployed(pipelineId);
  if (typeof deployed === 'string') return deployed;
  openDocument(deployed.doc, { revision: deployed.revision, running: deployed.doc });
  deploy.send({ type: 'OPENED', pipelineId, running: deployed.desired === 'running' });
  return undefined;
}

/** Opens a document the runtime does not run (a template, a file, a copy). */
export function openLocal(doc: DesignDocument, deploy: DeployActor): void {
  openDocument(doc);
  deploy.send({ type: 'OPENED' });
}
