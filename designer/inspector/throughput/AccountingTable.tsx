// The accounting identity of one node, term by term: in = passed on + dropped + dead-lettered + late + held
// (+ what is on the way between its own stages); anything else is unaccounted, and shown in red.
import type { NodeMetrics } from '../../api/types.ts';
import { formatCount } from '../../metrics/figures.ts';
import { reasonInWords } from '../../metrics/reasons.ts';

const sum = (values: Record<string, number>) => Object.values(values).reduce((total, value) => total + value, 0);

function Term({ name, value, reasons, className }: { name: string; value: number; reasons?: Record<string, number>; className?: string }) {
  return (
    <>
      <tr className={className} data-term={name}>
        <td>{name}</td>
        <td className="number">{formatCount(value)}</td>
      </tr>
      {Object.entries(reasons ?? {})
        .filter(([, count]) => count > 0)
        .map(([reason, count]) => (
          <tr key={reason} className="term-sub" data-reason={reason}>
            <td>{reasonInWords(reason)}</td>
            <td className="number">{formatCount(count)}</td>
          </tr>
        ))}
    </>
  );
}

export function AccountingTable({ accounting }: { accounting: NodeMetrics['accounting'] }) {
  const settled =
    accounting.passedOn +
    sum(accounting.dropped) +
    sum(accounting.deadLettered) +
    accounting.late +
    sum(accounting.held) +
    accounting.unaccounted;
  return (
    <table className="figures-table" data-testid="accounting">
      <tbody>
        <Term name="in" value={accounting.in} />
        <Term name="= passed on" value={accounting.passedOn} />
        <Term name="+ dropped" value={sum(accounting.dropped)} reasons={accounting.dropped} />
        <Term name="+ dead-lettered" value={sum(accounting.deadLettered)} reasons={accounting.deadLettered} />
        <Term name="+ late" value={accounting.late} />
        <Term name="+ held" value={sum(accounting.held)} reasons={accounting.held} />
        <Term name="+ unaccounted" value={accounting.unaccounted} className={accounting.unaccounted !== 0 ? 'unaccounted' : undefined} />
        {accounting.inFlight !== 0 && (
          <Term
            name={accounting.inFlight > 0 ? "+ on the way between the node's stages" : '− settled more than came in'}
            value={Math.abs(accounting.inFlight)}
            className={accounting.inFlight < 0 ? 'unaccounted' : undefined}
          />
        )}
      </tbody>
      <caption className="chart-note">
        {settled + accounting.inFlight === accounting.in ? 'The terms add up to in.' : 'The terms do not add up to in.'}
      </caption>
    </table>
  );
}
