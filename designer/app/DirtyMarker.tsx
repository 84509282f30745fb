// "Does the canvas differ from what runs?" beside the pipeline name; layout never counts.
import { useMemo } from 'react';
import { shallowEqual, useStore } from '../store/create-store.ts';
import { designerStore } from '../store/designer-store.ts';
import { deployedness, meaningOf } from './dirty.ts';

const LABELS = { changed: '● changed since deploy', 'in-sync': '✓ deployed', 'not-deployed': '○ not deployed' } as const;

export function DirtyMarker() {
  // Moving boxes changes only the layout: the marker keeps its verdict instead of validating 300 nodes a frame.
  const meaning = useStore(designerStore, (s) => meaningOf(s.history.present), shallowEqual);
  const running = useStore(designerStore, (s) => s.runningDocument);
  const marker = useMemo(() => deployedness(meaning, running), [meaning, running]);
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
