// The runtime's pipelines with their reported status; choosing one opens its deployed version.
import { runtimePipelinesStore } from '../api/runtime-pipelines.ts';
import { useStore } from '../store/create-store.ts';
import { designerStore } from '../store/designer-store.ts';
import { DeployContext } from './deploy-context.ts';
import { openDeployed } from './open-deployed.ts';
import { showToast } from './toasts.ts';
import { unsavedChanges } from './unsaved.ts';

export function PipelineSwitcher() {
  const runtime = useStore(runtimePipelinesStore, (state) => state);
  const openId = useStore(designerStore, (state) => state.history.present.id);
  const deploy = DeployContext.useActorRef();
  if (runtime.state !== 'ok' || runtime.pipelines.length === 0) return null;
  const listed = runtime.pipelines.some((pipeline) => pipeline.id === openId);
  function open(pipelineId: string) {
    // Nothing is lost: unsaved edits stay as the open pipeline's draft, and come back when it is opened again.
    if (unsavedChanges(designerStore.get())) showToast(`Your edits to ${openId} are kept as a draft.`);
    void openDeployed(pipelineId, deploy).then((reason) => reason && showToast(reason, 'error'));
  }
  return (
    <select
      className="pipeline-switcher"
      aria-label="Deployed pipelines"
      data-testid="pipeline-switcher"
      value={listed ? openId : ''}
      onChange={(event) => open(event.target.value)}
    >
      {!listed && <option value="">Deployed pipelines…</option>}
      {runtime.pipelines.map((pipeline) => (
        <option key={pipeline.id} value={pipeline.id}>
          {pipeline.id} · {pipeline.status.state}
        </option>
      ))}
    </select>
  );
}
