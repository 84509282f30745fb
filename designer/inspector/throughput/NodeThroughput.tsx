// A node's throughput, cluster-wide: totals since the running version was deployed and rates over the window the
// runtime names, where every input went (the accounting identity), the traffic inside the node kept apart from in
// and out, a source's lag per partition, and the last dead letters when there are any.
import { INTERNAL_KINDS } from '../../../shared/api/pipeline-metrics.ts';
import type { MetricsSnapshot, NodeMetrics } from '../../api/types.ts';
import { formatCount, formatRate } from '../../metrics/figures.ts';
import { metricsStore } from '../../metrics/metrics-store.ts';
import { INTERNAL_WORDS } from '../../metrics/reasons.ts';
import { useStore } from '../../store/create-store.ts';
import { AccountingTable } from './AccountingTable.tsx';
import { DeadLetters } from './DeadLetters.tsx';
import { LagTable } from './LagTable.tsx';

function Flow({ node, window }: { node: NodeMetrics; window: number }) {
  return (
    <table className="figures-table" data-testid="node-flow">
      <thead>
        <tr>
          <th />
          <th className="number">since deploy</th>
          <th className="number">per s, last {window} s</th>
        </tr>
      </thead>
      <tbody>
        <tr data-figure="in">
          <td>in</td>
          <td className="number">{formatCount(node.in.total)}</td>
          <td className="number">{formatRate(node.in.rate)}</td>
        </tr>
        {Object.entries(node.out).map(([port, figure]) => (
          <tr key={port} data-figure={`out-${port}`}>
            <td>out {port}</td>
            <td className="number">{formatCount(figure.total)}</td>
            <td className="number">{formatRate(figure.rate)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Internal({ node }: { node: NodeMetrics }) {
  const kinds = INTERNAL_KINDS.filter((kind) => node.internal[kind] > 0);
  if (kinds.length === 0) return null;
  return (
    <>
      <h4>Inside the node (not counted as in)</h4>
      <table className="figures-table" data-testid="node-internal">
        <tbody>
          {kinds.map((kind) => (
            <tr key={kind}>
              <td>{INTERNAL_WORDS[kind]}</td>
              <td className="number">{formatCount(node.internal[kind])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function since(snapshot: MetricsSnapshot): string {
  const at = snapshot.deployedAt ? new Date(snapshot.deployedAt).toLocaleString() : 'its deploy';
  const alive = snapshot.workers.filter((worker) => worker.alive).length;
  const workers = `${alive} worker${alive === 1 ? '' : 's'} reporting`;
  return `Version ${snapshot.version ?? '?'}, deployed ${at}; ${snapshot.running ? workers : 'stopped'}; figures of ${new Date(snapshot.at).toLocaleTimeString()}.`;
}

export function NodeThroughput({ pipelineId, nodeId }: { pipelineId: string; nodeId: string }) {
  const snapshot = useStore(metricsStore, (state) => state.latest);
  const node = snapshot?.nodes[nodeId];
  if (!snapshot || !node) return <p className="muted">No figures: the pipeline is not deployed, or the runtime has not reported yet.</p>;
  const letters = node.accounting.late + Object.values(node.accounting.deadLettered).reduce((a, b) => a + b, 0);
  const time = node.processingTime;
  return (
    <div className="inspector-throughput" data-testid="node-throughput">
      <p className="chart-note">{since(snapshot)}</p>
      <Flow node={node} window={snapshot.rateWindowSeconds} />
      <h4>Where the inputs went</h4>
      <AccountingTable accounting={node.accounting} />
      <Internal node={node} />
      {node.lag && <LagTable lag={node.lag} stopped={!snapshot.running} />}
      {time && time.count > 0 && (
        <p className="chart-note">
          Processing time: {(time.sumMs / time.count).toFixed(3)} ms per record on average, over {formatCount(time.count)} calls.
        </p>
      )}
      {letters > 0 && <DeadLetters pipelineId={pipelineId} nodeId={nodeId} />}
    </div>
  );
}
