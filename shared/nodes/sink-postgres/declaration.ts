import { z } from 'zod';
import { declareNode, IN_PORT } from '../../catalog/declaration.ts';
import { fieldNameSchema, sqlColumnSchema, sqlTableSchema } from '../../catalog/fields.ts';

export const DEFAULT_CONNECTION = '${env:DATABASE_URL}';

export const sinkPostgresConfigSchema = z
  .strictObject({
    connection: z
      .string()
      .min(1)
      .default(DEFAULT_CONNECTION)
      .describe('The PostgreSQL connection URL, or an environment placeholder like the default, which reads DATABASE_URL.'),
    table: sqlTableSchema.describe('The table to write (created when missing).'),
    primaryKey: z.array(sqlColumnSchema).min(1, 'needs at least one column').describe('The columns that identify a row.'),
    mode: z.enum(['upsert', 'append']).default('upsert').describe('upsert: one row per key, updated; append: one row per record.'),
    deleteOnTombstone: z.boolean().default(true).describe('Delete the row when a tombstone (deleted record) arrives.'),
    columns: z
      .record(sqlColumnSchema, fieldNameSchema)
      .optional()
      .describe('Column → record field; leave out to write every field to the column of the same name.'),
  })
  .describe('Configuration of a sink.postgres node.');

export type SinkPostgresConfig = z.output<typeof sinkPostgresConfigSchema>;

export const sinkPostgres = declareNode({
  type: 'sink.postgres',
  label: 'PostgreSQL table',
  category: 'sink',
  doc: 'Upserts or appends records to a PostgreSQL table, idempotently.',
  icon: '⛁',
  color: '#0f766e',
  configSchema: sinkPostgresConfigSchema,
  starter: { table: '', primaryKey: ['id'] },
  inputs: [IN_PORT],
  outputs: () => [],
  keyEffect: () => 'keeps',
  stateful: false,
});
