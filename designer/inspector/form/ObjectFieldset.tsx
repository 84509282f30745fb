// A nested object as a fieldset: one SchemaField per property, in schema order.
import { FieldErrors } from './FieldFrame.tsx';
import { useIssuesAt } from './form-context.tsx';
import { type FieldProps, SchemaField } from './SchemaField.tsx';
import { asObject, humanize, withKey } from './values.ts';

export function ObjectFieldset({ name, schema, value, pointer, onChange, legend = true }: FieldProps & { legend?: boolean }) {
  const object = asObject(value ?? schema.default);
  const required = new Set(schema.required ?? []);
  const issues = useIssuesAt(pointer);
  const fields = Object.entries(schema.properties ?? {}).map(([key, property]) => (
    <SchemaField
      key={key}
      name={key}
      schema={property}
      value={object[key]}
      pointer={`${pointer}/${key}`}
      required={required.has(key)}
      onChange={(next) => onChange(withKey(object, key, next))}
    />
  ));
  const errors = <FieldErrors messages={issues.map((issue) => issue.message)} />;
  if (!legend)
    return (
      <div data-pointer={pointer}>
        {errors}
        {fields}
      </div>
    );
  return (
    <fieldset className="fieldset" data-pointer={pointer}>
      <legend>{humanize(name)}</legend>
      {schema.description && <p className="field-help">{schema.description}</p>}
      {errors}
      {fields}
    </fieldset>
  );
}
