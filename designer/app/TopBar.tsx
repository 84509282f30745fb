// Pipeline name and switcher, draft and dirty markers, what the deploy is doing, Validate / Deploy / Stop / Start.
import { useEffect } from 'react';
import { useStore } from '../store/create-store.ts';
import { currentDocument, designerStore, edit, showBottomTab } from '../store/designer-store.ts';
import { validateNow } from '../store/validation.ts';
import { DeployStatus } from './DeployStatus.tsx';
import { DirtyMarker } from './DirtyMarker.tsx';
import { DraftMarker } from './DraftMarker.tsx';
import { DeployContext } from './deploy-context.ts';
import { PipelineSwitcher } from './PipelineSwitcher.tsx';
import { showToast } from './toasts.ts';
import { navigate } from './use-hash-route.ts';

export function TopBar() {
  const name = useStore(designerStore, (s) => s.history.present.name);
  const deploy = DeployContext.useActorRef();
  const canStop = DeployContext.useSelector((s) => s.can({ type: 'STOP' }));
  const canStart = DeployContext.useSelector((s) => s.can({ type: 'START' }));
  const busy = DeployContext.useSelector((s) => s.hasTag('busy') || s.hasTag('confirming'));
  // Text typed in the JSON view that does not read yet is not what a deploy would send: fix it first.
  const textAhead = useStore(designerStore, (s) => s.textAhead !== undefined);
  const refused = DeployContext.useSelector((s) => s.matches('failed') && s.context.issues.length > 0);
  useEffect(() => {
    if (refused) showBottomTab('problems');
  }, [refused]);

  function validate() {
    const { issues } = validateNow(currentDocument(designerStore.get()));
    showToast(issues.length === 0 ? 'The pipeline is valid.' : `${issues.length} problem(s) found.`, issues.length ? 'error' : 'info');
    if (issues.length) showBottomTab('problems');
  }

  function deployOpenDocument() {
    const { history, baseRevision, deployedId } = designerStore.get();
    // Another id than the one deployed is a new pipeline: no base revision of the old one applies to it.
    const base = deployedId === undefined || deployedId === history.present.id ? baseRevision : undefined;
    deploy.send({ type: 'DEPLOY', pipeline: history.present, baseRevision: base });
  }

  return (
    <header className="topbar">
      <a className="brand" href="#/pipelines" title="All pipelines">
        Sluice
      </a>
      <input
        className="pipeline-name"
        aria-label="Pipeline name"
        value={name}
        onChange={(e) => edit((d) => ({ ...d, name: e.target.value }), 'name')}
      />
      <PipelineSwitcher />
      <DirtyMarker />
      <DraftMarker />
      <span className="spacer" />
      <DeployStatus />
      <button type="button" onClick={validate}>
        Validate
      </button>
      <button
        type="button"
        className="primary"
        disabled={busy || textAhead}
        title={textAhead ? 'The JSON text does not read yet: fix it (see Problems) to deploy' : 'See what the deploy changes, then deploy'}
        onClick={deployOpenDocument}
      >
        Deploy…
      </button>
      <button type="button" disabled={!canStop} onClick={() => deploy.send({ type: 'STOP' })}>
        Stop
      </button>
      <button type="button" disabled={!canStart} onClick={() => deploy.send({ type: 'START' })}>
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
