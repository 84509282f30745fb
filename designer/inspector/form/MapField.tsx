// A map whose values have a form of their own (a record schema's fields, by name): one card per entry with its
// name and the value's form, like a list whose items are named. A string → string map is RecordField's.
import { FieldErrors } from './FieldFrame.tsx';
import { useIssuesAt } from './form-context.tsx';
import { blankValue, mapValueSchema } from './json-schema.ts';
import { type FieldProps, SchemaField } from './SchemaField.tsx';
import { asObject, humanize } from './values.ts';

export function MapField({ name, schema, value, pointer, required, onChange }: FieldProps) {
  const entries = Object.entries(asObject(value ?? schema.default));
  const valueSchema = mapValueSchema(schema) ?? {};
  const issues = useIssuesAt(pointer);
  function update(next: Array<[string, unknown]>) {
    onChange(next.length === 0 && !required ? undefined : Object.fromEntries(next));
  }
  return (
    <fieldset className="fieldset list" data-pointer={pointer}>
      <legend>{humanize(name)}</legend>
      {schema.description && <p className="field-help">{schema.description}</p>}
      <FieldErrors messages={issues.map((issue) => issue.message)} />
      {entries.map(([key, entry], index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: names are being edited, so the position is the identity
        <div key={index} className="list-item" data-map-entry={key}>
          <div className="list-item-actions">
            <input
              aria-label={`${humanize(name)}: name ${index + 1}`}
              value={key}
              onChange={(e) => update(entries.map((row, i) => (i === index ? [e.target.value, row[1]] : row)))}
            />
            <button type="button" onClick={() => update(entries.filter((_, i) => i !== index))} aria-label={`Remove ${key}`}>
              Remove
            </button>
          </div>
          <SchemaField
            name={key}
            schema={valueSchema}
            value={entry}
            pointer={`${pointer}/${key}`}
            required
            onChange={(next) => update(entries.map((row, i) => (i === index ? [row[0], next] : row)))}
          />
        </div>
      ))}
      <button type="button" className="add" onClick={() => update([...entries, [nextName(entries), blankValue(valueSchema)]])}>
        Add {name === 'properties' ? 'field' : 'entry'}
      </button>
    </fieldset>
  );
}

function nextName(entries: Array<[string, unknown]>): string {
  const names = new Set(entries.map(([key]) => key));
  for (let n = 1; ; n++) if (!names.has(`field${n}`)) return `field${n}`;
}
