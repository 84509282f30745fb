// The runtime's pipelines with their reported status; choosing one opens its deployed version.
import { runtimePipelinesStore } from '../api/runtime-pipelines.ts';
import { useStore } from '../store/create-store.ts';
import { designerStore } from '../store/designer-store.ts';
import { DeployContext } from './deploy-context.ts';
import { openDeployed } from './open-deployed.ts';
import { showToast } from './toasts.ts';

export function PipelineSwitcher() {
  const runtime = useStore(runtimePipelinesStore, (state) => state);
  const openId = useStore(designerStore, (state) => state.history.present.id);
  const deploy = DeployContext.useActorRef();
  if (runtime.state !== 'ok' || runtime.pipelines.length === 0) return null;
  const listed = runtime.pipelines.some((pipeline) => pipeline.id === openId);
  function open(pipelineId: string) {
    const edited = designerStore.get().history.past.length > 0;
    if (edited && !window.confirm(`Open ${pipelineId}? Your edits to ${openId} are not deployed and will be lost.`)) return;
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
