// The schema of a pipeline's records: a small subset of JSON Schema, written in a source's config and carried
// along the edges (each node type says how it changes it), so the validator can check each node's config against
// the records that reach it and the designer can offer their fields. `{}` (no type) is a field of any value.
import { z } from 'zod';

interface Described {
  description?: string;
  /** The value may also be null. */
  nullable?: boolean;
}

export type FieldSchema =
  | (Described & {
      type: 'string';
      minLength?: number;
      maxLength?: number;
      enum?: string[];
      /** date-time: an ISO-8601 instant every sink reads alike; multiline: text that may hold tab and line breaks. */
      format?: 'date-time' | 'multiline';
    })
  | (Described & { type: 'number' | 'integer'; minimum?: number; maximum?: number; multipleOf?: number })
  | (Described & { type: 'boolean' })
  | (Described & { type: 'array'; items: FieldSchema; minItems?: number; maxItems?: number })
  | (Described & ObjectShape & { type: 'object' })
  | (Described & { type?: undefined });

export interface ObjectShape {
  properties: Record<string, FieldSchema>;
  required?: string[];
  /** false (the default): a record with a field the schema does not name is refused. */
  additionalProperties?: boolean;
}

/** A record: always an object. */
export type RecordSchema = ObjectShape & { type: 'object'; description?: string };

const fieldName = z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]{0,62}$/, 'must be a field name: letters, digits and underscores, like courseId');
const description = z.string().max(500).optional().describe('What the field holds.');
const nullable = z.boolean().optional().describe('Whether the value may also be null.');
const count = z.int().min(0);

const stringField = z.strictObject({
  type: z.literal('string').describe('Text.'),
  description,
  nullable,
  minLength: count.optional().describe('The fewest characters.'),
  maxLength: count.optional().describe('The most characters.'),
  enum: z.array(z.string()).min(1).optional().describe('The only values allowed.'),
  format: z
    .enum(['date-time', 'multiline'])
    .optional()
    .describe('date-time: an ISO-8601 instant with a zone; multiline: text that may hold tab and line breaks.'),
});
const numberField = z.strictObject({
  type: z.enum(['number', 'integer']).describe('A number, or a whole number.'),
  description,
  nullable,
  minimum: z.number().optional().describe('The smallest value.'),
  maximum: z.number().optional().describe('The largest value.'),
  multipleOf: z.number().positive().optional().describe('Values must be a multiple of this, like 0.5.'),
});
const booleanField = z.strictObject({ type: z.literal('boolean').describe('true or false.'), description, nullable });

/** Any field's schema; recursive through arrays and objects (one instance, so the JSON Schema refers to itself). */
export const fieldSchemaSchema: z.ZodType<FieldSchema> = z.lazy(() => fieldUnion) as z.ZodType<FieldSchema>;

const properties = z.record(fieldName, fieldSchemaSchema).describe('The fields, by name.');
const required = z.array(fieldName).optional().describe('The fields a record must have.');
const additionalProperties = z.boolean().optional().describe('Whether fields the schema does not name are allowed (default: no).');

const fieldUnion = z
  .discriminatedUnion('type', [
    stringField,
    numberField,
    booleanField,
    z.strictObject({
      type: z.literal('array').describe('A list.'),
      description,
      nullable,
      items: fieldSchemaSchema.describe('The schema of each item.'),
      minItems: count.optional().describe('The fewest items.'),
      maxItems: count.optional().describe('The most items.'),
    }),
    z.strictObject({
      type: z.literal('object').describe('A nested object.'),
      description,
      nullable,
      properties,
      required,
      additionalProperties,
    }),
  ])
  .describe("A field's JSON Schema: its type and limits.");

/** A record's JSON Schema, as a source declares it. */
export const recordSchemaSchema = z
  .strictObject({
    type: z.literal('object').describe('Records are JSON objects.'),
    description: z.string().max(500).optional().describe('What one record is.'),
    properties,
    required,
    additionalProperties,
  })
  .describe("The record's JSON Schema: its fields, their types and limits.");

export const ANY_FIELD: FieldSchema = {};

/** The field's type name as a person reads it: "string", "number", "date-time string", "any value". */
export function describeType(field: FieldSchema): string {
  if (field.type === undefined) return 'any value';
  if (field.type === 'string' && field.format === 'date-time') return 'date-time string';
  return field.type;
}

export function isNumeric(field: FieldSchema | undefined): boolean {
  return field !== undefined && (field.type === 'number' || field.type === 'integer' || field.type === undefined);
}

/** A field that can hold an event time: an ISO instant or epoch milliseconds. */
export function isTimeLike(field: FieldSchema | undefined): boolean {
  if (field === undefined) return false;
  if (field.type === undefined || field.type === 'number' || field.type === 'integer') return true;
  return field.type === 'string' && field.format === 'date-time';
}

/** What JSON Schema allows but a record schema cannot mean: a required field that is not among the properties. */
export function recordSchemaProblems(schema: ObjectShape, path: PropertyKey[] = []): { path: PropertyKey[]; message: string }[] {
  const own = (schema.required ?? []).flatMap((name, index) =>
    Object.hasOwn(schema.properties, name)
      ? []
      : [{ path: [...path, 'required', index], message: `names '${name}', which is not in properties` }],
  );
  const nested = Object.entries(schema.properties).flatMap(([name, field]) =>
    field.type === 'object' ? recordSchemaProblems(field, [...path, 'properties', name]) : [],
  );
  return [...own, ...nested];
}
