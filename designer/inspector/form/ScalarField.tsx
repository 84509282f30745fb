// Strings, numbers, booleans, enums and durations: one input each, defaults shown, durations checked as you type.
import { parseDuration } from '../../../shared/index.ts';
import { choicesId, FieldChoices } from './FieldChoices.tsx';
import { FieldFrame } from './FieldFrame.tsx';
import { useFieldChoices } from './form-context.tsx';
import { isDurationSchema, typeOf } from './json-schema.ts';
import type { FieldProps } from './SchemaField.tsx';
import { fieldLabel } from './values.ts';

export function ScalarField({ name, schema, value, pointer, required, onChange }: FieldProps) {
  const choices = useFieldChoices(schema['x-sluice-field']);
  const label = fieldLabel(name, required);
  const help = schema.description;
  const type = typeOf(schema);
  if (schema.const !== undefined) {
    return (
      <FieldFrame label={label} pointer={pointer} help={help}>
        <input value={String(schema.const)} readOnly />
      </FieldFrame>
    );
  }
  if (schema.enum) {
    const current = value ?? schema.default ?? '';
    return (
      <FieldFrame label={label} pointer={pointer} help={help}>
        <select value={String(current)} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}>
          {!required && schema.default === undefined && <option value="">(none)</option>}
          {schema.enum.map((option) => (
            <option key={String(option)} value={String(option)}>
              {String(option)}
            </option>
          ))}
        </select>
      </FieldFrame>
    );
  }
  if (type === 'boolean') {
    const checked = typeof value === 'boolean' ? value : schema.default === true;
    return (
      <FieldFrame label={label} pointer={pointer} help={help} inline>
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      </FieldFrame>
    );
  }
  if (type === 'number' || type === 'integer') {
    return (
      <FieldFrame label={label} pointer={pointer} help={help}>
        <input
          type="number"
          value={typeof value === 'number' ? value : ''}
          placeholder={schema.default === undefined ? '' : String(schema.default)}
          step={type === 'integer' ? 1 : 'any'}
          onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
        />
      </FieldFrame>
    );
  }
  const text = typeof value === 'string' ? value : '';
  const durationError =
    isDurationSchema(schema) && text !== '' && parseDuration(text) === undefined ? 'not a duration: use e.g. 30s, 15m, 90d' : undefined;
  return (
    <FieldFrame label={label} pointer={pointer} help={help} extraError={durationError}>
      <input
        type="text"
        value={text}
        list={choices.length > 0 ? choicesId(pointer) : undefined}
        placeholder={schema.default === undefined ? '' : String(schema.default)}
        // An emptied optional field is removed; a required one stays '' so the validator can say it is missing.
        onChange={(e) => onChange(e.target.value === '' && !required ? undefined : e.target.value)}
      />
      <FieldChoices pointer={pointer} choices={choices} />
    </FieldFrame>
  );
}
