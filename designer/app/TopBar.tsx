// Pipeline name, dirty marker, Validate / Deploy / Stop / Start and what the deploy is doing.
import { useEffect, useRef } from 'react';
import { useStore } from '../store/create-store.ts';
import { currentDocument, designerStore, edit, markDeployed } from '../store/designer-store.ts';
import type { DesignDocument } from '../store/document.ts';
import { validateNow } from '../store/validation.ts';
import { DeployContext } from './deploy-context.ts';
import { deployedness } from './dirty.ts';
import { showToast } from './toasts.ts';
import { navigate } from './use-hash-route.ts';

export function TopBar({ onShowProblems }: { onShowProblems(): void }) {
  const doc = useStore(designerStore, currentDocument);
  const running = useStore(designerStore, (s) => s.runningDocument);
  const baseRevision = useStore(designerStore, (s) => s.baseRevision);
  const state = DeployContext.useSelector((s) => s);
  const deploy = DeployContext.useActorRef();
  const sentDoc = useRef<DesignDocument | undefined>(undefined);
  const busy = (['validating', 'deploying', 'stopping', 'starting'] as const).some((name) => state.matches(name));
  const marker = deployedness(doc, running);

  // When a deploy lands, what was sent becomes "the running version" the dirty marker compares with.
  const revision = state.context.revision;
  useEffect(() => {
    if (revision !== undefined && sentDoc.current) markDeployed(sentDoc.current, revision);
  }, [revision]);

  function validate() {
    const { issues } = validateNow(doc);
    showToast(issues.length === 0 ? 'The pipeline is valid.' : `${issues.length} problem(s) found.`, issues.length ? 'error' : 'info');
    if (issues.length) onShowProblems();
  }

  return (
    <header className="topbar">
      <a className="brand" href="#/pipelines" title="All pipelines">
        Sluice
      </a>
      <input
        className="pipeline-name"
        aria-label="Pipeline name"
        value={doc.name}
        onChange={(e) => edit((d) => ({ ...d, name: e.target.value }), 'name')}
      />
      <span className={`dirty dirty-${marker}`} title="Compared with the running version, layout aside">
        {marker === 'changed' ? '● changed since deploy' : marker === 'in-sync' ? '✓ deployed' : '○ not deployed'}
      </span>
      <span className="spacer" />
      <span className={`status status-${String(state.value)}`} role="status">
        {String(state.value)}
        {state.context.error && `: ${state.context.error.message}`}
        {state.matches('failed') && state.context.issues.length > 0 && `: ${state.context.issues.length} problem(s)`}
      </span>
      <button type="button" onClick={validate}>
        Validate
      </button>
      <button
        type="button"
        className="primary"
        disabled={busy}
        onClick={() => {
          sentDoc.current = doc;
          deploy.send({ type: 'DEPLOY', pipeline: doc, baseRevision });
        }}
      >
        Deploy
      </button>
      <button type="button" disabled={!state.can({ type: 'STOP' })} onClick={() => deploy.send({ type: 'STOP' })}>
        Stop
      </button>
      <button type="button" disabled={!state.can({ type: 'START' })} onClick={() => deploy.send({ type: 'START' })}>
        Start
      </button>
      <nav>
        <button type="button" className="link" onClick={() => navigate('#/pipelines')}>
          Pipelines
        </button>
        <button type="button" className="link" onClick={() => navigate('#/courses')}>
          Course stats
        </button>
      </nav>
    </header>
  );
}
