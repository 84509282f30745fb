// The app: one deploy machine, kept in step with the runtime; a runtime banner, then the page the hash names.
import { deployMachine } from '../machines/deploy.ts';
import { CourseStatsPage } from '../pages/CourseStatsPage.tsx';
import { PipelinesPage } from '../pages/PipelinesPage.tsx';
import { markDeployed } from '../store/designer-store.ts';
import { asDesignDocument } from '../store/document.ts';
import { DesignerPage } from './DesignerPage.tsx';
import { DeployContext } from './deploy-context.ts';
import { RuntimeBanner } from './RuntimeBanner.tsx';
import { Toasts } from './Toasts.tsx';
import { useHashRoute } from './use-hash-route.ts';
import { useRuntimeSync } from './use-runtime-sync.ts';

const deployLogic = deployMachine.provide({
  actions: { reportRevision: (_, { revision, deployed }) => markDeployed(revision, asDesignDocument(deployed)) },
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
      {route.page === 'designer' && <DesignerPage />}
      {route.page === 'pipelines' && <PipelinesPage />}
      {route.page === 'courses' && <CourseStatsPage />}
      <Toasts />
    </div>
  );
}
