// The bottom panel: Problems, JSON (Monaco, loaded on first open), Preview and version History.
import { lazy, Suspense } from 'react';
import { VersionHistory } from '../pages/VersionHistory.tsx';
import { PreviewPanel } from '../preview/PreviewPanel.tsx';
import { useStore } from '../store/create-store.ts';
import { validationStore } from '../store/validation.ts';
import { ProblemsList } from './ProblemsList.tsx';

const JsonEditor = lazy(() => import('../code/JsonEditor.tsx').then((module) => ({ default: module.JsonEditor })));

export type BottomTab = 'problems' | 'json' | 'preview' | 'history';
const TABS: Array<[BottomTab, string]> = [
  ['problems', 'Problems'],
  ['json', 'JSON'],
  ['preview', 'Preview'],
  ['history', 'History'],
];

export function BottomPanel({ tab, onTab }: { tab: BottomTab; onTab(tab: BottomTab): void }) {
  const problemCount = useStore(validationStore, (s) => s.issues.length);
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
            onClick={() => onTab(id)}
          >
            {label}
            {id === 'problems' && problemCount > 0 && <span className="count">{problemCount}</span>}
          </button>
        ))}
      </div>
      <div className="tab-body">
        {tab === 'problems' && <ProblemsList />}
        {tab === 'json' && (
          <Suspense fallback={<p className="muted panel-body">Loading the editor…</p>}>
            <JsonEditor />
          </Suspense>
        )}
        {tab === 'preview' && <PreviewPanel />}
        {tab === 'history' && <VersionHistory />}
      </div>
    </section>
  );
}
