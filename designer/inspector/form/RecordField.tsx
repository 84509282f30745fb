// A string → string map (map's rename and compute, postgres columns) as key/value rows.
import { FieldFrame } from './FieldFrame.tsx';
import type { FieldProps } from './SchemaField.tsx';
import { asObject, fieldLabel } from './values.ts';

export function RecordField({ name, schema, value, pointer, required, onChange }: FieldProps) {
  const entries = Object.entries(asObject(value));
  function update(next: Array<[string, unknown]>) {
    onChange(next.length === 0 && !required ? undefined : Object.fromEntries(next));
  }
  return (
    <FieldFrame label={fieldLabel(name, required)} pointer={pointer} help={schema.description}>
      <div className="record">
        {entries.map(([key, entry], index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: keys are being edited, so the row position is the identity
          <div key={index} className="record-row">
            <input
              aria-label={`${name} key`}
              value={key}
              onChange={(e) => update(entries.map((row, i) => (i === index ? [e.target.value, row[1]] : row)))}
            />
            <span>→</span>
            <input
              aria-label={`${name} value`}
              value={String(entry ?? '')}
              onChange={(e) => update(entries.map((row, i) => (i === index ? [row[0], e.target.value] : row)))}
            />
            <button type="button" aria-label="Remove entry" onClick={() => update(entries.filter((_, i) => i !== index))}>
              ×
            </button>
          </div>
        ))}
        <button type="button" className="add" onClick={() => update([...entries, [nextKey(entries), '']])}>
          Add entry
        </button>
      </div>
    </FieldFrame>
  );
}

function nextKey(entries: Array<[string, unknown]>): string {
  const keys = new Set(entries.map(([key]) => key));
  for (let n = 1; ; n++) if (!keys.has(`field${n}`)) return `field${n}`;
}
