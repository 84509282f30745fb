// Live numbers on a node: records/s in and out over the runtime's window, errors, lag (sources: greyed while the
// pipeline is stopped, when it is the backlog waiting), keys (stateful nodes), and late records, dead letters and
// unaccounted inputs when there are any: a click on those opens the node's throughput with the last ones listed.
// It re-renders only when a figure it shows changes, never because another node's did.
import { formatCount, formatRate } from '../metrics/figures.ts';
import { useNodeFigures } from '../metrics/use-live-figures.ts';
import { select, setUi } from '../store/designer-store.ts';

function showThroughput(nodeId: string): void {
  select({ nodeIds: [nodeId], edgeKeys: [] });
  setUi({ nodeView: 'throughput' });
}

export function NodeBadges({ nodeId, hasOutputs }: { nodeId: string; hasOutputs: boolean }) {
  const figures = useNodeFigures(nodeId);
  if (!figures) return null;
  const over = `over the last ${figures.window} s`;
  const open = (event: { stopPropagation(): void }) => {
    event.stopPropagation();
    showThroughput(nodeId);
  };
  return (
    <div className="flow-node-badges" data-testid={`node-rates-${nodeId}`}>
      <span title={`records/s in, ${over}`}>in {formatRate(figures.in)}/s</span>
      {hasOutputs && <span title={`records/s out (all ports), ${over}`}>out {formatRate(figures.out)}/s</span>}
      {figures.errors > 0 && <span className="badge-error">{figures.errors} err</span>}
      {figures.lag !== undefined && (
        <span
          className={figures.stopped ? 'badge-stopped' : undefined}
          title={figures.stopped ? 'records waiting for the pipeline to start again' : 'records waiting to be read (consumer lag)'}
          data-testid={`node-lag-${nodeId}`}
        >
          lag {formatCount(figures.lag)}
        </span>
      )}
      {figures.keys !== undefined && <span title="keys in state">{formatCount(figures.keys)} keys</span>}
      {figures.late > 0 && (
        <button type="button" className="badge-warn nodrag" title="too late for a window: click for the last ones" onClick={open}>
          {formatCount(figures.late)} late
        </button>
      )}
      {figures.deadLettered > 0 && (
        <button type="button" className="badge-error nodrag" title="sent to the dead-letter topic: click for the last ones" onClick={open}>
          {formatCount(figures.deadLettered)} DLQ
        </button>
      )}
      {figures.unaccounted > 0 && (
        <button
          type="button"
          className="badge-error nodrag"
          title="inputs the node neither passed on, dropped nor dead-lettered"
          onClick={open}
        >
          {formatCount(figures.unaccounted)} unaccounted
        </button>
      )}
    </div>
  );
}
