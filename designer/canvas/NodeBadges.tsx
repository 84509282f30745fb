// Live numbers on a node: records/s in and out, errors, and lag (sources) or keys (stateful nodes) when reported.
import { formatRate } from '../metrics/format-rate.ts';
import { metricsStore, outRate } from '../metrics/metrics-store.ts';
import { useStore } from '../store/create-store.ts';

export function NodeBadges({ nodeId }: { nodeId: string }) {
  const metrics = useStore(metricsStore, (state) => state.latest?.nodes[nodeId]);
  if (!metrics) return null;
  return (
    <div className="flow-node-badges">
      <span title="records/s in">in {formatRate(metrics.in.rate1s)}/s</span>
      <span title="records/s out">out {formatRate(outRate(metrics))}/s</span>
      {metrics.errors > 0 && <span className="badge-error">{metrics.errors} err</span>}
      {metrics.lag !== undefined && <span title="consumer lag">lag {metrics.lag}</span>}
      {metrics.keys !== undefined && <span title="keys in state">{metrics.keys} keys</span>}
    </div>
  );
}
