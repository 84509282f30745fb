import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { type RowOperation, TableWriter } from '../../runtime/postgres/table-writer.ts';
import { uniqueName } from '../setup/kafka.ts';

const writer = TableWriter.connect(inject('databaseUrl'));
const reader = new pg.Pool({ connectionString: inject('databaseUrl') });
afterAll(async () => {
  await writer.close();
  await reader.end();
});

const rows = async (table: string) => (await reader.query(`SELECT * FROM "${table}" ORDER BY id`)).rows;

describe('the Postgres table writer', () => {
  it('creates the table, upserts by primary key and deletes on tombstones', async () => {
    const table = uniqueName('reviews_valid').replaceAll('-', '_');
    const spec = { table, primaryKey: ['id'] };
    await writer.write(spec, [
      { op: 'upsert', row: { id: 'r1', rating: 4, courseId: 'c1' } },
      { op: 'upsert', row: { id: 'r2', rating: 2, courseId: 'c1' } },
      { op: 'upsert', row: { id: 'r3', rating: 5, courseId: 'c2' } },
    ]);
    await writer.write(spec, [
      { op: 'upsert', row: { id: 'r1', rating: 3.5, courseId: 'c2' } },
      { op: 'delete', key: { id: 'r2' } },
      { op: 'delete', key: { id: 'never-existed' } },
    ]);
    expect(await rows(table)).toEqual([
      { id: 'r1', rating: 3.5, courseId: 'c2' },
      { id: 'r3', rating: 5, courseId: 'c2' },
    ]);
  });

  it('is idempotent: replaying the same batches leaves the same table', async () => {
    const table = uniqueName('course_stats').replaceAll('-', '_');
    const spec = { table, primaryKey: ['id'] };
    const batches: RowOperation[][] = [
      [
        { op: 'upsert', row: { id: 'c1', count: 1, average: 4 } },
        { op: 'upsert', row: { id: 'c1', count: 2, average: 3 } },
      ],
      [
        { op: 'delete', key: { id: 'c1' } },
        { op: 'upsert', row: { id: 'c2', count: 1, average: 5 } },
      ],
    ];
    for (const batch of batches) await writer.write(spec, batch);
    const once = await rows(table);
    for (const batch of batches) await writer.write(spec, batch);
    await writer.write(spec, batches[1] ?? []);
    expect(await rows(table)).toEqual(once);
    expect(once).toEqual([{ id: 'c2', count: 1, average: 5 }]);
  });

  it('applies only the last operation per key within a batch, in order', async () => {
    const table = uniqueName('ordered').replaceAll('-', '_');
    const spec = { table, primaryKey: ['id'] };
    await writer.write(spec, [
      { op: 'upsert', row: { id: 'a', v: 1 } },
      { op: 'delete', key: { id: 'a' } },
      { op: 'upsert', row: { id: 'b', v: 1 } },
      { op: 'delete', key: { id: 'b' } },
      { op: 'upsert', row: { id: 'b', v: 2 } },
    ]);
    expect(await rows(table)).toEqual([{ id: 'b', v: 2 }]);
  });
});
