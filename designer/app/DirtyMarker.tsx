// "Does the canvas differ from what runs?" beside the pipeline name; layout never counts.
import { useStore } from '../store/create-store.ts';
import { designerStore } from '../store/designer-store.ts';
import { useDeployedness } from './use-deployedness.ts';

const LABELS = { changed: '● changed since deploy', 'in-sync': '✓ deployed', 'not-deployed': '○ not deployed' } as const;

export function DirtyMarker() {
  const marker = useDeployedness();
  const deleted = useStore(designerStore, (s) => s.deletedOnRuntime === true);
  return (
    <span
      className={`dirty dirty-${marker}`}
      title="Compared with the running version, layout aside"
      data-testid="dirty-marker"
      data-state={marker}
    >
      {deleted ? '○ deleted on the runtime' : LABELS[marker]}
    </span>
  );
}
