// The confirmation every deploy and rollback passes: what will happen, said plainly, and the one button that does it.
// A document whose id is not the deployed one's is a new pipeline and is called that, never a silent second one.
import type { DeployPlan } from '../../../shared/api/deploy-plan.ts';
import type { DeployRequest } from '../../machines/deploy-types.ts';
import { useStore } from '../../store/create-store.ts';
import { designerStore } from '../../store/designer-store.ts';
import { DeployContext } from '../deploy-context.ts';
import { PlanSummary } from './PlanSummary.tsx';

export function DeployConfirmation() {
  const plan = DeployContext.useSelector((s) => (s.hasTag('confirming') ? s.context.plan : undefined));
  const request = DeployContext.useSelector((s) => s.context.request);
  const deployedId = useStore(designerStore, (s) => s.deployedId);
  const deploy = DeployContext.useActorRef();
  if (!plan || !request) return null;
  const { title, action, note } = wording(plan, request, deployedId);
  return (
    <div className="overlay-backdrop" role="presentation">
      <div className="deploy-confirmation" role="dialog" aria-modal="true" aria-label={title} data-testid="deploy-confirmation">
        <h3>{title}</h3>
        {note && <p className="plan-note">{note}</p>}
        <PlanSummary plan={plan} />
        <footer>
          <button type="button" onClick={() => deploy.send({ type: 'CANCEL' })}>
            Cancel
          </button>
          <button type="button" className="primary" onClick={() => deploy.send({ type: 'CONFIRM' })}>
            {action}
          </button>
        </footer>
      </div>
    </div>
  );
}

function wording(plan: DeployPlan, request: DeployRequest, deployedId: string | undefined) {
  const id = plan.pipelineId;
  if (request.kind === 'rollback')
    return {
      title: `Roll ${id} back to v${request.version}`,
      action: `Roll back to v${request.version}`,
      note: `It is deployed again as v${plan.nextVersion}.`,
    };
  if (plan.currentVersion === undefined && deployedId !== undefined && deployedId !== id)
    return {
      title: `Save as a new pipeline: ${id}`,
      action: 'Save as a new pipeline',
      note: `The id is no longer ${deployedId}: this deploys a second pipeline, ${id}, and ${deployedId} keeps running as it is.`,
    };
  if (plan.currentVersion === undefined) return { title: `Deploy a new pipeline: ${id}`, action: `Deploy ${id}`, note: undefined };
  if (!plan.changed)
    return {
      title: `Nothing that runs changes in ${id}`,
      action: 'Save the layout',
      note: 'At most boxes moved: nothing restarts, no state is touched.',
    };
  return { title: `Deploy ${id} v${plan.nextVersion}`, action: `Deploy v${plan.nextVersion}`, note: undefined };
}
