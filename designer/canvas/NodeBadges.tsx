// Live numbers on a node: records/s in and out, errors, and lag (sources) or keys (stateful nodes) when reported.
// It re-renders only when a figure it shows changes, never because another node's did.
import { formatRate } from '../metrics/figures.ts';
import { useNodeFigures } from '../metrics/use-live-figures.ts';

export function NodeBadges({ nodeId, hasOutputs }: { nodeId: string; hasOutputs: boolean }) {
  const figures = useNodeFigures(nodeId);
  if (!figures) return null;
  return (
    <div className="flow-node-badges" data-testid={`node-rates-${nodeId}`}>
      <span title="records/s in">in {formatRate(figures.in)}/s</span>
      {hasOutputs && <span title="records/s out">out {formatRate(figures.out)}/s</span>}
      {figures.errors > 0 && <span className="badge-error">{figures.errors} err</span>}
      {figures.lag !== undefined && <span title="consumer lag">lag {figures.lag}</span>}
      {figures.keys !== undefined && <span title="keys in state">{figures.keys} keys</span>}
    </div>
  );
}
