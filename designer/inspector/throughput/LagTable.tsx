// A source's lag per partition, as the broker tells it: the last stable offset, the pipeline group's committed
// offset, and the records between them. While the pipeline is stopped it is the backlog waiting for a start.
import type { NodeMetrics } from '../../api/types.ts';
import { formatCount } from '../../metrics/figures.ts';

export function LagTable({ lag, stopped }: { lag: NonNullable<NodeMetrics['lag']>; stopped: boolean }) {
  return (
    <>
      <h4>
        Lag: {formatCount(lag.total)} record{lag.total === 1 ? '' : 's'} waiting{stopped ? ' for the pipeline to start' : ''}
      </h4>
      <table className="figures-table" data-testid="lag-partitions">
        <thead>
          <tr>
            <th>{lag.topic}</th>
            <th className="number">last stable</th>
            <th className="number">committed</th>
            <th className="number">lag</th>
          </tr>
        </thead>
        <tbody>
          {lag.partitions.map((partition) => (
            <tr key={partition.partition}>
              <td>partition {partition.partition}</td>
              <td className="number">{formatCount(partition.end)}</td>
              <td className="number">{partition.committed < 0 ? 'none yet' : formatCount(partition.committed)}</td>
              <td className="number">{formatCount(partition.lag)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
