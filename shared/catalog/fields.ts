// Small schemas several node configs share.
import { z } from 'zod';

/** A record field name (top level). */
export const fieldNameSchema = z.string().min(1, 'must name a record field').max(128);

/**
 * A field the records reaching the node have (the window's keyField, an aggregate's field): the designer offers the
 * fields of the schema reaching the node, and the validator checks the records have it.
 */
export const inputFieldSchema = fieldNameSchema.meta({ 'x-sluice-field': 'input' });

/** A field of the node's own record schema (a source's keyField): the designer offers that schema's fields. */
export const ownFieldSchema = fieldNameSchema.meta({ 'x-sluice-field': 'schema' });

/** A Kafka topic name, as Kafka allows them. */
export const topicSchema = z
  .string()
  .regex(/^[a-zA-Z0-9._-]{1,249}$/, 'must be a Kafka topic name: letters, digits, dots, underscores and dashes')
  .describe('The Kafka topic.');

/** A PostgreSQL table name the sink quotes safely: letters, digits and underscores, optionally schema-qualified. */
export const sqlTableSchema = z
  .string()
  .regex(
    /^[a-zA-Z_][a-zA-Z0-9_]{0,62}(\.[a-zA-Z_][a-zA-Z0-9_]{0,62})?$/,
    'must be a SQL table name like reviews_valid or public.reviews_valid',
  );

/** A PostgreSQL column name (quoted by the sink, so courseId keeps its case). */
export const sqlColumnSchema = z
  .string()
  .regex(/^[a-zA-Z_][a-zA-Z0-9_]{0,62}$/, 'must be a SQL column name: letters, digits and underscores, like courseId');

/** A CEL expression; whether it parses is a graph-level check (with the character position). */
export const expressionSchema = z.string().min(1, 'must be a CEL expression');
