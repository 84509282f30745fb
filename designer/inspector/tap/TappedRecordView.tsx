// One tapped record: when and with which key it crossed, its fields as a table, a spam record's reasons as a list.
import type { TappedRecord } from '../../api/types.ts';
import { readableRecord } from './readable-record.ts';

export function TappedRecordView({ record }: { record: TappedRecord }) {
  const readable = readableRecord(record);
  return (
    <li className="tap-record" data-testid="tap-record">
      <header className="tap-record-head">
        <time dateTime={readable.at}>{readable.at.replace('T', ' ').replace(/\.\d+Z$/, 'Z')}</time>
        <span className="muted">key</span> <code>{readable.key ?? '(none)'}</code>
        {readable.truncated && <span className="muted"> · cut short by the tap</span>}
      </header>
      <table className="tap-fields">
        <tbody>
          {readable.fields.map((field) => (
            <tr key={field.name}>
              <th scope="row">{field.name}</th>
              <td>{field.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {readable.reasons.length > 0 && (
        <ul className="tap-reasons" aria-label="Spam reasons">
          {readable.reasons.map((reason) => (
            <li key={`${reason.rule}:${reason.detail}`} data-testid="spam-reason">
              <strong>{reason.rule}</strong> {reason.detail}
              {reason.more.map((extra) => (
                <span key={extra.name} className="muted">
                  {' '}
                  · {extra.name} {extra.value}
                </span>
              ))}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
