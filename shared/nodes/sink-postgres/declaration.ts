import { z } from 'zod';
import { declareNode, IN_PORT } from '../../catalog/declaration.ts';
import { inputFieldSchema, sqlColumnSchema, sqlTableSchema } from '../../catalog/fields.ts';
import { hasField } from '../../records/schema-fields.ts';

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
      .record(sqlColumnSchema, inputFieldSchema)
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
  iconPaths: ['M3 4a5 2 0 1 0 10 0a5 2 0 1 0-10 0', 'M3 4v8c0 1.1 2.2 2 5 2s5-.9 5-2V4M3 8c0 1.1 2.2 2 5 2s5-.9 5-2'],
  color: '#0f766e',
  writes: (config) => [{ kind: 'table', name: config.table }],
  configSchema: sinkPostgresConfigSchema,
  starter: { table: '', primaryKey: ['id'] },
  inputs: [IN_PORT],
  outputs: () => [],
  inputIssues: (config, input) =>
    config.primaryKey.flatMap((column, index) => {
      const field = config.columns ? config.columns[column] : column;
      if (field !== undefined && hasField(input, field)) return [];
      return [
        {
          code: 'schema-mismatch' as const,
          path: ['primaryKey', index],
          message:
            field === undefined
              ? `the primary key column \`${column}\` is not in columns`
              : `the primary key column \`${column}\` takes \`${field}\`, but records reaching the sink have no \`${field}\``,
        },
      ];
    }),
  keyEffect: () => 'keeps',
  stateful: false,
});
