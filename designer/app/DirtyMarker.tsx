// "Does the canvas differ from what runs?" beside the pipeline name; layout never counts.
import { runtimePipelinesStore } from '../api/runtime-pipelines.ts';
import { useStore } from '../store/create-store.ts';
import { designerStore } from '../store/designer-store.ts';
import { useDeployedness } from './use-deployedness.ts';

const LABELS = {
  changed: '● changed since deploy',
  'in-sync': '✓ deployed',
  'not-deployed': '○ not deployed',
  asking: '… asking the runtime',
} as const;

export function DirtyMarker() {
  const deployedness = useDeployedness();
  // Before the runtime's first answer nothing is known to run: "not deployed" then would be a guess.
  const asking = useStore(runtimePipelinesStore, (s) => s.state === 'loading');
  const marker = asking && deployedness === 'not-deployed' ? 'asking' : deployedness;
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
