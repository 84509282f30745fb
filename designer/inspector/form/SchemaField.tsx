// Picks the editor for one value from its JSON Schema: the heart of the generated inspector form.

import { type JsonSchema, mapValueSchema, typeOf, variantsOf } from './json-schema.ts';
import { MapField } from './MapField.tsx';
import { ObjectFieldset } from './ObjectFieldset.tsx';
import { ObjectListField } from './ObjectListField.tsx';
import { RecordField } from './RecordField.tsx';
import { ScalarField } from './ScalarField.tsx';
import { TagListField } from './TagListField.tsx';
import { VariantFieldset } from './VariantFieldset.tsx';

export type FieldProps = {
  name: string;
  schema: JsonSchema;
  value: unknown;
  pointer: string;
  required: boolean;
  onChange(value: unknown): void;
};

export function SchemaField(props: FieldProps) {
  const { schema } = props;
  if (variantsOf(schema)) return <VariantFieldset {...props} />;
  const type = typeOf(schema);
  if (type === 'object' && schema.properties) return <ObjectFieldset {...props} />;
  if (type === 'object' && mapValueSchema(schema)) return <MapField {...props} />;
  if (type === 'object') return <RecordField {...props} />;
  if (type === 'array') {
    const items = schema.items ?? {};
    return typeOf(items) === 'string' && !variantsOf(items) ? <TagListField {...props} /> : <ObjectListField {...props} />;
  }
  return <ScalarField {...props} />;
}
