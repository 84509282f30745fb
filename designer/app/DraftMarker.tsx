// "draft, not deployed" while the open document came back from a local draft and differs from what runs, with the
// way to throw the draft away.
import { useStore } from '../store/create-store.ts';
import { designerStore } from '../store/designer-store.ts';
import { DeployContext } from './deploy-context.ts';
import { discardDraft } from './open-deployed.ts';
import { showToast } from './toasts.ts';
import { useDeployedness } from './use-deployedness.ts';

export function DraftMarker() {
  const restored = useStore(designerStore, (s) => s.restoredDraft);
  const differs = useDeployedness() !== 'in-sync';
  const deploy = DeployContext.useActorRef();
  if (!restored || !differs) return null;
  const savedAt = new Date(restored.savedAt).toLocaleString();
  return (
    <span className="draft-marker" data-testid="draft-marker" title={`Kept in this browser, last saved ${savedAt}`}>
      draft, not deployed
      <button
        type="button"
        className="link"
        onClick={() => {
          if (window.confirm('Discard this draft? Your edits since the last deploy are lost.'))
            void discardDraft(deploy).then((reason) => reason && showToast(reason, 'error'));
        }}
      >
        Discard draft
      </button>
    </span>
  );
}
