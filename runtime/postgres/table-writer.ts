// Writes a sink's rows to PostgreSQL: upserts and deletes by primary key, batched,
// idempotent (replaying a batch after a crash leaves the table as it was).
import pg from 'pg';
import type { RowOperation } from '../../shared/engine/sink-write.ts';

export type { RowOperation };

export interface TableSpec {
  table: string;
  primaryKey: string[];
}

type ColumnType = 'double precision' | 'boolean' | 'text' | 'jsonb';

function columnType(value: unknown): ColumnType {
  if (typeof value === 'number') return 'double precision';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'string' || value === null || value === undefined) return 'text';
  return 'jsonb';
}

/** Two workers creating the same table at once: IF NOT EXISTS still races in PostgreSQL's catalog. */
async function tolerateConcurrentCreate(create: () => Promise<unknown>): Promise<void> {
  try {
    await create();
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== '23505' && code !== '42P07' && code !== '42701') throw error;
  }
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Only the last operation per primary key in a batch decides the row's final state. */
export function lastOperationPerKey(operations: RowOperation[], primaryKey: string[]): RowOperation[] {
  const last = new Map<string, RowOperation>();
  for (const operation of operations) {
    const source = operation.op === 'upsert' ? operation.row : operation.key;
    last.set(JSON.stringify(primaryKey.map((column) => source[column])), operation);
  }
  return [...last.values()];
}

export class TableWriter {
  private readonly knownColumns = new Map<string, Set<string>>();
  private readonly schemaChanges = new Map<string, Promise<void>>();

  constructor(private readonly pool: pg.Pool) {}

  static connect(url: string): TableWriter {
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    // An idle connection that drops (server restart) must not crash the process; the next write reconnects.
    pool.on('error', () => {});
    return new TableWriter(pool);
  }

  async write(spec: TableSpec, operations: RowOperation[]): Promise<void> {
    const final = lastOperationPerKey(operations, spec.primaryKey);
    if (final.length === 0) return;
    const upserts = final.flatMap((operation) => (operation.op === 'upsert' ? [operation.row] : []));
    await this.ensureTable(spec, upserts);
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      for (const operation of final) {
        if (operation.op === 'delete') await this.delete(client, spec, operation.key);
      }
      // PostgreSQL takes at most 65,535 parameters per statement.
      for (let start = 0; start < upserts.length; start += 500) await this.upsert(client, spec, upserts.slice(start, start + 500));
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  /**
   * Creates the table and missing columns outside the write's transaction (so other
   * tasks see them at once), one caller at a time per table in this process.
   */
  private ensureTable(spec: TableSpec, rows: Record<string, unknown>[]): Promise<void> {
    const previous = this.schemaChanges.get(spec.table) ?? Promise.resolve();
    const next = previous.then(() => this.createMissing(spec, rows));
    this.schemaChanges.set(
      spec.table,
      next.catch(() => {}),
    );
    return next;
  }

  private async createMissing(spec: TableSpec, rows: Record<string, unknown>[]): Promise<void> {
    const client = this.pool;
    const types = new Map<string, ColumnType>();
    for (const column of spec.primaryKey) types.set(column, 'text');
    for (const row of rows)
      for (const [column, value] of Object.entries(row))
        if (!types.has(column) || value !== null) types.set(column, types.get(column) ?? columnType(value));
    let known = this.knownColumns.get(spec.table);
    if (!known) {
      const columns = [...types].map(([column, type]) => `${ident(column)} ${type}`).join(', ');
      await client.query(
        `CREATE TABLE IF NOT EXISTS ${ident(spec.table)} (${columns}, PRIMARY KEY (${spec.primaryKey.map(ident).join(', ')}))`,
      );
      known = new Set();
      this.knownColumns.set(spec.table, known);
    }
    for (const [column, type] of types) {
      if (known.has(column)) continue;
      await tolerateConcurrentCreate(() =>
        client.query(`ALTER TABLE ${ident(spec.table)} ADD COLUMN IF NOT EXISTS ${ident(column)} ${type}`),
      );
      known.add(column);
    }
  }

  private async delete(client: pg.PoolClient, spec: TableSpec, key: Record<string, unknown>): Promise<void> {
    const where = spec.primaryKey.map((column, i) => `${ident(column)} = $${i + 1}`).join(' AND ');
    await client.query(
      `DELETE FROM ${ident(spec.table)} WHERE ${where}`,
      spec.primaryKey.map((column) => String(key[column])),
    );
  }

  private async upsert(client: pg.PoolClient, spec: TableSpec, rows: Record<string, unknown>[]): Promise<void> {
    const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
    const values: unknown[] = [];
    const tuples = rows.map((row) => {
      const placeholders = columns.map((column) => {
        const value = row[column];
        values.push(value !== null && typeof value === 'object' ? JSON.stringify(value) : (value ?? null));
        return `$${values.length}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    const updates = columns
      .filter((column) => !spec.primaryKey.includes(column))
      .map((column) => `${ident(column)} = EXCLUDED.${ident(column)}`);
    const onConflict = updates.length > 0 ? `DO UPDATE SET ${updates.join(', ')}` : 'DO NOTHING';
    await client.query(
      `INSERT INTO ${ident(spec.table)} (${columns.map(ident).join(', ')}) VALUES ${tuples.join(', ')} ON CONFLICT (${spec.primaryKey.map(ident).join(', ')}) ${onConflict}`,
      values,
    );
  }
}
