// The bottom panel: Problems, JSON (Monaco, loaded on first open), Preview and version History. The open tab and its
// height live in the store, so they are as they were after a page change.
import { lazy, Suspense } from 'react';
import { VersionHistory } from '../pages/VersionHistory.tsx';
import { PreviewPanel } from '../preview/PreviewPanel.tsx';
import { useStore } from '../store/create-store.ts';
import { designerStore, setUi, showBottomTab } from '../store/designer-store.ts';
import type { BottomTab } from '../store/ui-state.ts';
import { validationStore } from '../store/validation.ts';
import { PanelBoundary } from './PanelBoundary.tsx';
import { ProblemsList } from './ProblemsList.tsx';

const JsonEditor = lazy(() => import('../code/JsonEditor.tsx').then((module) => ({ default: module.JsonEditor })));

const TABS: Array<[BottomTab, string]> = [
  ['problems', 'Problems'],
  ['json', 'JSON'],
  ['preview', 'Preview'],
  ['history', 'History'],
];

export function BottomPanel() {
  const tab = useStore(designerStore, (s) => s.ui.bottomTab);
  const tall = useStore(designerStore, (s) => s.ui.bottomTall);
  const problemCount = useStore(validationStore, (s) => s.issues.length) + useStore(designerStore, (s) => (s.textAhead ? 1 : 0));
  return (
    <section className={`bottom-panel bottom-${tab}`}>
      <div className="tabs" role="tablist">
        {TABS.map(([id, label]) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={tab === id}
            className={tab === id ? 'active' : ''}
            onClick={() => showBottomTab(id)}
          >
            {label}
            {id === 'problems' && problemCount > 0 && <span className="count">{problemCount}</span>}
          </button>
        ))}
        <span className="spacer" />
        <button type="button" className="link" onClick={() => setUi({ bottomTall: !tall })} aria-pressed={tall}>
          {tall ? 'Smaller' : 'Taller'}
        </button>
      </div>
      <div className="tab-body">
        <PanelBoundary name={`${tab} tab`} key={tab}>
          {tab === 'problems' && <ProblemsList />}
          {tab === 'json' && (
            <Suspense fallback={<p className="muted panel-body">Loading the editor…</p>}>
              <JsonEditor />
            </Suspense>
          )}
          {tab === 'preview' && <PreviewPanel />}
          {tab === 'history' && <VersionHistory />}
        </PanelBoundary>
      </div>
    </section>
  );
}
