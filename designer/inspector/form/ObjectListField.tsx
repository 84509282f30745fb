// A list of objects (windows, aggregates, routes) as editable cards with add, remove and reorder.

import { FieldErrors } from './FieldFrame.tsx';
import { useIssuesAt } from './form-context.tsx';
import { blankValue } from './json-schema.ts';
import { type FieldProps, SchemaField } from './SchemaField.tsx';
import { asList, humanize, withItem } from './values.ts';

export function ObjectListField({ name, schema, value, pointer, onChange }: FieldProps) {
  const items = asList(value ?? schema.default);
  const itemSchema = schema.items ?? {};
  const issues = useIssuesAt(pointer);
  function move(index: number, by: number) {
    const next = [...items];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item);
    onChange(next);
  }
  return (
    <fieldset className="fieldset list" data-pointer={pointer}>
      <legend>{humanize(name)}</legend>
      {schema.description && <p className="field-help">{schema.description}</p>}
      <FieldErrors messages={issues.map((issue) => issue.message)} />
      {items.map((item, index) => (
        // Items have no identity of their own; the index is what the validator's pointers use too.
        // biome-ignore lint/suspicious/noArrayIndexKey: list positions are the identity here
        <div key={index} className="list-item">
          <div className="list-item-actions">
            <span className="muted">#{index + 1}</span>
            <button type="button" disabled={index === 0} onClick={() => move(index, -1)} aria-label="Move up">
              ↑
            </button>
            <button type="button" disabled={index === items.length - 1} onClick={() => move(index, 1)} aria-label="Move down">
              ↓
            </button>
            <button type="button" onClick={() => onChange(items.filter((_, i) => i !== index))} aria-label={`Remove ${name} ${index + 1}`}>
              Remove
            </button>
          </div>
          <SchemaField
            name={`${name} ${index + 1}`}
            schema={itemSchema}
            value={item}
            pointer={`${pointer}/${index}`}
            required
            onChange={(next) => onChange(withItem(items, index, next))}
          />
        </div>
      ))}
      <button type="button" className="add" onClick={() => onChange([...items, blankValue(itemSchema)])}>
        Add {humanize(name).toLowerCase().replace(/s$/, '')}
      </button>
    </fieldset>
  );
}
