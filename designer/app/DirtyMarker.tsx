// "Does the canvas differ from what runs?" beside the pipeline name; layout never counts.
import { useMemo } from 'react';
import { useStore } from '../store/create-store.ts';
import { designerStore } from '../store/designer-store.ts';
import { deployedness } from './dirty.ts';

const LABELS = { changed: '● changed since deploy', 'in-sync': '✓ deployed', 'not-deployed': '○ not deployed' } as const;

export function DirtyMarker() {
  const doc = useStore(designerStore, (s) => s.history.present);
  const running = useStore(designerStore, (s) => s.runningDocument);
  const marker = useMemo(() => deployedness(doc, running), [doc, running]);
  return (
    <span
      className={`dirty dirty-${marker}`}
      title="Compared with the running version, layout aside"
      data-testid="dirty-marker"
      data-state={marker}
    >
      {LABELS[marker]}
    </span>
  );
}
