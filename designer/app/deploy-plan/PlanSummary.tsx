// What a deploy will do, as the runtime planned it: the change, each stateful node's state, and what to watch for.
import type { DeployPlan, StateFate } from '../../../shared/api/deploy-plan.ts';
import { DiffList } from './DiffList.tsx';

const FATES: Record<StateFate, string> = {
  kept: 'state kept',
  reset: 'state reset: starts empty, what it remembered of earlier records is forgotten',
  new: 'new: starts empty',
};

export function PlanSummary({ plan }: { plan: DeployPlan }) {
  return (
    <div className="plan-summary" data-testid="plan-summary">
      <h4>Changes against what runs{plan.currentVersion ? ` (v${plan.currentVersion})` : ''}</h4>
      <DiffList diff={plan.diff} />
      {plan.stateful.length > 0 && (
        <>
          <h4>State</h4>
          <ul className="plan-state">
            {plan.stateful.map((node) => (
              <li key={node.id} className={`fate-${node.state}`} data-testid={`fate-${node.id}`} data-fate={node.state}>
                <strong>{node.id}</strong> <span className="muted">({node.type})</span>: {FATES[node.state]}
              </li>
            ))}
          </ul>
        </>
      )}
      {plan.starts && <p className="plan-note">The pipeline is stopped; deploying starts it.</p>}
      {plan.sharedOutputs.length > 0 && (
        <div className="plan-warning" role="alert">
          <strong>Another pipeline writes the same places:</strong>
          <ul>
            {plan.sharedOutputs.map((shared) => (
              <li key={`${shared.pipelineId}:${shared.nodeId}`}>
                {shared.output}, by <code>{shared.pipelineId}</code>.{shared.nodeId}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
