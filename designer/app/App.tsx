// The app: one deploy machine, kept in step with the runtime; a runtime banner, then the page the hash names, each
// page in its own error boundary; the token dialog and the toasts over everything.
import { deployMachine } from '../machines/deploy.ts';
import { CourseStatsPage } from '../pages/CourseStatsPage.tsx';
import { PipelinesPage } from '../pages/PipelinesPage.tsx';
import { markDeployed, openDocument } from '../store/designer-store.ts';
import { asDesignDocument } from '../store/document.ts';
import { DesignerPage } from './DesignerPage.tsx';
import { DeployContext } from './deploy-context.ts';
import { loadDeployed } from './open-deployed.ts';
import { PanelBoundary } from './PanelBoundary.tsx';
import { RuntimeBanner } from './RuntimeBanner.tsx';
import { Toasts } from './Toasts.tsx';
import { TokenDialog } from './TokenDialog.tsx';
import { showToast } from './toasts.ts';
import { useHashRoute } from './use-hash-route.ts';
import { useRuntimeSync } from './use-runtime-sync.ts';

const deployLogic = deployMachine.provide({
  actions: {
    reportRevision: (_, { revision, deployed }) => markDeployed(revision, asDesignDocument(deployed)),
    // After a rollback what runs is an old version: open it, so the canvas shows what runs.
    reportRolledBack: (_, { pipelineId }) =>
      void loadDeployed(pipelineId).then((deployed) => {
        if (typeof deployed === 'string') showToast(deployed, 'error');
        else openDocument(deployed.doc, { revision: deployed.revision, running: deployed.doc });
      }),
  },
});

export function App() {
  return (
    <DeployContext.Provider logic={deployLogic}>
      <Pages />
    </DeployContext.Provider>
  );
}

function Pages() {
  const route = useHashRoute();
  useRuntimeSync();
  return (
    <div className="app">
      <RuntimeBanner />
      <PanelBoundary name={`${route.page} page`} key={route.page}>
        {route.page === 'designer' && <DesignerPage />}
        {route.page === 'pipelines' && <PipelinesPage />}
        {route.page === 'courses' && <CourseStatsPage />}
      </PanelBoundary>
      <TokenDialog />
      <Toasts />
    </div>
  );
}
