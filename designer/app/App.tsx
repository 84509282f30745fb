// The app: a runtime banner, then the page the hash names.
import { CourseStatsPage } from '../pages/CourseStatsPage.tsx';
import { PipelinesPage } from '../pages/PipelinesPage.tsx';
import { DesignerPage } from './DesignerPage.tsx';
import { DeployContext } from './deploy-context.ts';
import { RuntimeBanner } from './RuntimeBanner.tsx';
import { Toasts } from './Toasts.tsx';
import { useHashRoute } from './use-hash-route.ts';

export function App() {
  const route = useHashRoute();
  return (
    <DeployContext.Provider>
      <div className="app">
        <RuntimeBanner />
        {route.page === 'designer' && <DesignerPage />}
        {route.page === 'pipelines' && <PipelinesPage />}
        {route.page === 'courses' && <CourseStatsPage />}
        <Toasts />
      </div>
    </DeployContext.Provider>
  );
}
