// What the open pipeline is doing, always true: the deploy flow while it is busy or has failed (a failure clears once
// a deploy succeeds, or once the document is back to what runs), a pipeline the runtime deleted as deleted,
// otherwise what the runtime reports.
import { useEffect } from 'react';
import { runtimePipelinesStore, summaryOf } from '../api/runtime-pipelines.ts';
import { useStore } from '../store/create-store.ts';
import { designerStore } from '../store/designer-store.ts';
import { DeployContext } from './deploy-context.ts';
import { RevisionConflict } from './RevisionConflict.tsx';
import { useDeployedness } from './use-deployedness.ts';

const BUSY: Record<string, string> = {
  validating: 'checking…',
  planning: 'planning…',
  deploying: 'deploying…',
  rollingBack: 'rolling back…',
  stopping: 'stopping…',
  starting: 'starting…',
};

export function DeployStatus() {
  const machine = DeployContext.useSelector((state) => state);
  const deploy = DeployContext.useActorRef();
  const openId = useStore(designerStore, (state) => state.history.present.id);
  const deleted = useStore(designerStore, (state) => state.deletedOnRuntime === true);
  const reported = useStore(runtimePipelinesStore, (state) => summaryOf(state, openId));
  const inSync = useDeployedness() === 'in-sync';
  const failed = machine.matches('failed');
  useEffect(() => {
    // The refused edit is gone (undone, or the runtime's copy reopened): nothing failed any more.
    if (failed && inSync) deploy.send({ type: 'DISMISS' });
  }, [failed, inSync, deploy]);
  const state = String(machine.value);
  if (machine.hasTag('busy')) return <Badge kind={state} text={BUSY[state] ?? `${state}…`} />;
  if (machine.hasTag('confirming')) return <Badge kind="confirming" text="confirm the deploy…" />;
  if (failed) {
    const { error, issues } = machine.context;
    const count = issues.length > 0 ? ` (${issues.length} problem${issues.length === 1 ? '' : 's'})` : '';
    return (
      <>
        <Badge kind="failed" text={`deploy failed: ${error?.message ?? 'the pipeline is not valid'}${count}`} />
        {error?.code === 'revision-conflict' && <RevisionConflict error={error} />}
        <button type="button" className="link" aria-label="Dismiss the failed deploy" onClick={() => deploy.send({ type: 'DISMISS' })}>
          ×
        </button>
      </>
    );
  }
  if (deleted) return <Badge kind="deleted" text="deleted on the runtime: deploy to create it again" />;
  if (!reported) return null; // the dirty marker already says "not deployed"
  const { state: reportedState, reason, restoreProgress } = reported.status;
  const progress = restoreProgress === undefined ? '' : ` ${Math.round(restoreProgress * 100)}%`;
  return <Badge kind={reportedState} text={`${reportedState}${progress} · v${reported.version}${reason ? `: ${reason}` : ''}`} />;
}

function Badge({ kind, text }: { kind: string; text: string }) {
  return (
    <span className={`status status-${kind}`} role="status" title={text} data-testid="deploy-status" data-state={kind}>
      {text}
    </span>
  );
}
