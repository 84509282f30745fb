// A record schema as a zod validator, built from the same pieces as the API's hand-written schemas (storable text,
// event times), so a record refused here is refused with the same words. Every string must be storable by every
// sink: no control characters (format multiline allows tab and line breaks) and no lone surrogates.
import { z } from 'zod';
import { eventTimeSchema } from '../api/event-time.ts';
import { storableText } from '../api/storable-text.ts';
import type { FieldSchema, ObjectShape } from './record-schema.ts';

// As JSON Schema validators check it (exact division), which for a step like 0.5 is exact.
const isMultipleOf = (value: number, step: number) => Number.isInteger(value / step);

function stringValidator(field: Extract<FieldSchema, { type: 'string' }>): z.ZodType {
  if (field.format === 'date-time') return eventTimeSchema;
  if (field.enum) return z.enum(field.enum as [string, ...string[]]);
  return storableText({ min: field.minLength, max: field.maxLength ?? Number.MAX_SAFE_INTEGER, allowBreaks: field.format === 'multiline' });
}

function numberValidator(field: Extract<FieldSchema, { type: 'number' | 'integer' }>): z.ZodType {
  let number = field.type === 'integer' ? z.int() : z.number();
  if (field.minimum !== undefined) number = number.min(field.minimum);
  if (field.maximum !== undefined) number = number.max(field.maximum);
  const step = field.multipleOf;
  return step === undefined ? number : number.refine((value) => isMultipleOf(value, step), `must be a multiple of ${step}`);
}

function baseValidator(field: FieldSchema): z.ZodType {
  switch (field.type) {
    case 'string':
      return stringValidator(field);
    case 'number':
    case 'integer':
      return numberValidator(field);
    case 'boolean':
      return z.boolean();
    case 'array': {
      let array = z.array(fieldValidator(field.items));
      if (field.minItems !== undefined) array = array.min(field.minItems);
      if (field.maxItems !== undefined) array = array.max(field.maxItems);
      return array;
    }
    case 'object':
      return objectValidator(field);
    case undefined:
      return z.unknown();
  }
}

export function fieldValidator(field: FieldSchema): z.ZodType {
  const base = baseValidator(field);
  const described = field.description ? base.describe(field.description) : base;
  return field.nullable ? described.nullable() : described;
}

/** Fields in the schema's order (so a parsed record lists them in that order), optional unless required. */
export function objectValidator(shape: ObjectShape): z.ZodType<Record<string, unknown>> {
  const required = new Set(shape.required ?? []);
  const fields = Object.fromEntries(
    Object.entries(shape.properties).map(([name, field]) => [
      name,
      required.has(name) ? fieldValidator(field) : fieldValidator(field).optional(),
    ]),
  );
  return (shape.additionalProperties ? z.looseObject(fields) : z.strictObject(fields)) as z.ZodType<Record<string, unknown>>;
}
