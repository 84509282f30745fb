// Reading a record schema: which fields records have, and what several inputs have in common.
import { ANY_FIELD, type FieldSchema, type RecordSchema } from './record-schema.ts';

/** The field's schema; any value for a field a schema with additionalProperties does not name; undefined when records cannot have it. */
export function fieldOf(schema: RecordSchema, name: string): FieldSchema | undefined {
  if (Object.hasOwn(schema.properties, name)) return schema.properties[name];
  return schema.additionalProperties ? ANY_FIELD : undefined;
}

export const hasField = (schema: RecordSchema, name: string): boolean => fieldOf(schema, name) !== undefined;

/** Whether every record has the field (it is required, or the schema cannot say). */
export const alwaysHas = (schema: RecordSchema, name: string): boolean =>
  (schema.required ?? []).includes(name) || (schema.additionalProperties === true && !Object.hasOwn(schema.properties, name));

const same = (a: FieldSchema, b: FieldSchema) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What records arriving from several edges have in common: the fields all of them name (with their schema when it is
 * the same everywhere, any value otherwise), required where all require them.
 */
export function commonSchema(schemas: readonly RecordSchema[]): RecordSchema | undefined {
  const [first, ...rest] = schemas;
  if (!first) return undefined;
  if (rest.length === 0) return first;
  const properties: Record<string, FieldSchema> = {};
  for (const [name, field] of Object.entries(first.properties)) {
    const others = rest.map((schema) => fieldOf(schema, name));
    if (others.some((other) => other === undefined)) continue;
    properties[name] = others.every((other) => other !== undefined && same(other, field)) ? field : ANY_FIELD;
  }
  const required = Object.keys(properties).filter((name) => schemas.every((schema) => (schema.required ?? []).includes(name)));
  return {
    type: 'object',
    properties,
    ...(required.length > 0 ? { required } : {}),
    ...(schemas.some((schema) => schema.additionalProperties) ? { additionalProperties: true } : {}),
  };
}

/** The schema with some fields added (or replaced), each required. */
export function withFields(schema: RecordSchema, added: Record<string, FieldSchema>): RecordSchema {
  const required = [...new Set([...(schema.required ?? []), ...Object.keys(added)])];
  return { ...schema, properties: { ...schema.properties, ...added }, required };
}
