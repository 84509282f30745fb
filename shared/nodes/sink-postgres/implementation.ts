// sink.postgres: turns records into row operations by primary key; the driver runs
// them (idempotently) before it commits the batch. A tombstone deletes the row
// whose key is the record key (a JSON array of values for a composite key).
import type { NodeFactory } from '../../engine/node-implementation.ts';
import type { EngineRecord } from '../../engine/record.ts';
import { RecordError } from '../../engine/record-error.ts';
import type { RowOperation } from '../../engine/sink-write.ts';
import type { SinkPostgresConfig } from './declaration.ts';

export function rowOf(value: Record<string, unknown>, config: SinkPostgresConfig): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  if (config.columns) for (const [column, field] of Object.entries(config.columns)) row[column] = value[field] ?? null;
  else Object.assign(row, value);
  for (const column of config.primaryKey) {
    const cell = row[column];
    if (cell === undefined || cell === null)
      throw new RecordError('missing-primary-key', `the row has no value for primary key column ${column}`);
  }
  return row;
}

export function deletedKeyOf(record: EngineRecord, config: SinkPostgresConfig): Record<string, unknown> {
  const [single] = config.primaryKey;
  if (record.key === null) throw new RecordError('tombstone-without-key', 'a tombstone needs a key to know which row to delete');
  if (config.primaryKey.length === 1 && single !== undefined) return { [single]: record.key };
  let parts: unknown;
  try {
    parts = JSON.parse(record.key);
  } catch {
    parts = undefined;
  }
  if (!Array.isArray(parts) || parts.length !== config.primaryKey.length) {
    throw new RecordError(
      'tombstone-key-not-composite',
      `a composite key needs the record key as a JSON array of ${config.primaryKey.length} values`,
    );
  }
  return Object.fromEntries(config.primaryKey.map((column, index) => [column, parts[index]]));
}

export function rowOperationOf(record: EngineRecord, config: SinkPostgresConfig): RowOperation | undefined {
  if (record.value !== null) return { op: 'upsert', row: rowOf(record.value, config) };
  if (!config.deleteOnTombstone || config.mode === 'append') return undefined;
  return { op: 'delete', key: deletedKeyOf(record, config) };
}

export const sinkPostgresImplementation: NodeFactory<SinkPostgresConfig> = {
  create({ config }) {
    return {
      kind: 'operators',
      sinkTarget: {
        kind: 'postgres',
        connection: config.connection,
        table: config.table,
        primaryKey: config.primaryKey,
        mode: config.mode,
      },
      stages: [
        {
          name: 'sink',
          create: () => ({
            process(record, ctx) {
              const operation = rowOperationOf(record, config);
              if (operation) ctx.writeRow(operation);
              else ctx.drop('tombstone-ignored');
            },
          }),
        },
      ],
    };
  },
};
