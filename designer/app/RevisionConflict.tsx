// A 409: someone (another tab, a stop, a start) changed the pipeline since this edit began. Planning again on the
// runtime's revision shows exactly what this deploy would overwrite before anything is applied.
import type { ApiError } from '../api/types.ts';
import { designerStore } from '../store/designer-store.ts';
import { DeployContext } from './deploy-context.ts';

export function RevisionConflict({ error }: { error: ApiError }) {
  const deploy = DeployContext.useActorRef();
  const [conflict] = Array.isArray(error.details) ? error.details : [];
  const current = typeof conflict === 'object' && conflict !== null && 'current' in conflict ? Number(conflict.current) : undefined;
  if (current === undefined || !Number.isFinite(current)) return null;
  function planAgain() {
    designerStore.set((state) => ({ ...state, baseRevision: current }));
    deploy.send({ type: 'DEPLOY', pipeline: designerStore.get().history.present, baseRevision: current });
  }
  return (
    <button type="button" onClick={planAgain} title="See what your deploy changes against what runs now">
      Plan again on revision {current}
    </button>
  );
}
