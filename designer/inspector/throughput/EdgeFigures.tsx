// What crossed an edge, counted at both ends: left the source port, reached the target node. The two are equal once
// nothing is on the way (a repartition topic between them holds what is).
import { formatCount, formatRate } from '../../metrics/figures.ts';
import { metricsStore } from '../../metrics/metrics-store.ts';
import { shallowEqual, useStore } from '../../store/create-store.ts';

export function EdgeFigures({ from, to }: { from: { node: string; port: string }; to: string }) {
  const figures = useStore(
    metricsStore,
    (state) => {
      const edge = state.latest?.edges.find(
        (candidate) => candidate.from.node === from.node && candidate.from.port === from.port && candidate.to.node === to,
      );
      return edge && { sent: edge.sent, received: edge.received, rate: edge.rate, window: state.latest?.rateWindowSeconds ?? 0 };
    },
    shallowEqual,
  );
  if (!figures) return null;
  const onTheWay = figures.sent - figures.received;
  return (
    <table className="figures-table" data-testid="edge-figures">
      <tbody>
        <tr>
          <td>
            left {from.node}.{from.port}
          </td>
          <td className="number">{formatCount(figures.sent)}</td>
        </tr>
        <tr>
          <td>reached {to}</td>
          <td className="number">{formatCount(figures.received)}</td>
        </tr>
        {onTheWay !== 0 && (
          <tr className={onTheWay < 0 ? 'unaccounted' : undefined}>
            <td>{onTheWay > 0 ? 'on the way' : 'received more than sent'}</td>
            <td className="number">{formatCount(Math.abs(onTheWay))}</td>
          </tr>
        )}
        <tr>
          <td>per s, last {figures.window} s</td>
          <td className="number">{formatRate(figures.rate)}</td>
        </tr>
      </tbody>
    </table>
  );
}
