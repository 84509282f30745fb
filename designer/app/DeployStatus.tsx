// What the open pipeline is doing: the deploy flow while it is busy or has failed, otherwise what the runtime reports.
import { runtimePipelinesStore, summaryOf } from '../api/runtime-pipelines.ts';
import { useStore } from '../store/create-store.ts';
import { designerStore } from '../store/designer-store.ts';
import { DeployContext } from './deploy-context.ts';

export function DeployStatus() {
  const machine = DeployContext.useSelector((state) => state);
  const deploy = DeployContext.useActorRef();
  const openId = useStore(designerStore, (state) => state.history.present.id);
  const reported = useStore(runtimePipelinesStore, (state) => summaryOf(state, openId));
  if (machine.hasTag('busy')) return <Badge kind={String(machine.value)} text={`${String(machine.value)}…`} />;
  if (machine.matches('failed')) {
    const { error, issues } = machine.context;
    const count = issues.length > 0 ? ` (${issues.length} problem${issues.length === 1 ? '' : 's'})` : '';
    return (
      <>
        <Badge kind="failed" text={`deploy failed: ${error?.message ?? 'the pipeline is not valid'}${count}`} />
        <button type="button" className="link" aria-label="Dismiss the failed deploy" onClick={() => deploy.send({ type: 'DISMISS' })}>
          ×
        </button>
      </>
    );
  }
  if (!reported) return null; // the dirty marker already says "not deployed"
  const { state, reason, restoreProgress } = reported.status;
  const progress = restoreProgress === undefined ? '' : ` ${Math.round(restoreProgress * 100)}%`;
  return <Badge kind={state} text={`${state}${progress} · v${reported.version}${reason ? `: ${reason}` : ''}`} />;
}

function Badge({ kind, text }: { kind: string; text: string }) {
  return (
    <span className={`status status-${kind}`} role="status" title={text} data-testid="deploy-status" data-state={kind}>
      {text}
    </span>
  );
}
