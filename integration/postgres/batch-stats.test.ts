import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TableWriter } from '../../runtime/postgres/table-writer.ts';
import { planWindowBatch } from '../../runtime/postgres/window-batch.ts';
import { batchFigures } from '../../runtime/postgres/window-verify.ts';
import { reviewStatsPipeline } from '../setup/review-stats.ts';

/** review-stats' batch SQL, generated from its window's config, with its figures in the legacy report's shape. */
async function batchStats(db: pg.Pool, asOf: Date) {
  const planned = planWindowBatch(reviewStatsPipeline('batch'), 'courseStats');
  if (!planned.ok) throw new Error(planned.message);
  const figures = await batchFigures(db, planned.batch, asOf);
  const column = (window: string, aggregate: string) =>
    planned.batch.figures.find((f) => f.window === window && f.aggregate === aggregate)?.column ?? '';
  return [...figures].map(([courseId, values]) => ({
    courseId,
    allTime: { count: values[column('allTime', 'count')], averageRating: values[column('allTime', 'averageRating')] },
    last90Days: { count: values[column('last90Days', 'count')], averageRating: values[column('last90Days', 'averageRating')] },
  }));
}

// The oracle reads the real table name, so this file owns a database of its own.
const adminPool = new pg.Pool({ connectionString: inject('databaseUrl') });
const database = `batch_${Date.now()}`;
let pool: pg.Pool;
let writer: TableWriter;

const day = 24 * 3600 * 1000;
const asOf = new Date('2026-06-01T00:00:00Z');
const at = (daysBefore: number, extraMs = 0) => new Date(asOf.getTime() - daysBefore * day + extraMs).toISOString();

beforeAll(async () => {
  await adminPool.query(`CREATE DATABASE ${database}`);
  const url = new URL(inject('databaseUrl'));
  url.pathname = `/${database}`;
  pool = new pg.Pool({ connectionString: url.toString() });
  writer = new TableWriter(pool);
});
afterAll(async () => {
  await pool.end();
  await adminPool.end();
});

describe('the batch oracle, generated from the window', () => {
  it('computes all-time and last-90-days figures with the window (asOf − 90 days, asOf]', async () => {
    const reviews = [
      { id: 'a', courseId: 'c1', rating: 5, createdAt: at(0) }, // exactly asOf: inside
      { id: 'b', courseId: 'c1', rating: 3, createdAt: at(90) }, // exactly 90 days before: outside
      { id: 'c', courseId: 'c1', rating: 4, createdAt: at(90, 1) }, // one ms later: inside
      { id: 'd', courseId: 'c1', rating: 1, createdAt: at(400) },
      { id: 'e', courseId: 'c2', rating: 2.5, createdAt: at(200) },
      { id: 'f', courseId: 'c3', rating: 4, createdAt: at(-1) }, // in the future of asOf: not yet
    ];
    await writer.write(
      { table: 'reviews_valid', primaryKey: ['id'] },
      reviews.map((row) => ({ op: 'upsert', row })),
    );
    expect(await batchStats(pool, asOf)).toEqual([
      { courseId: 'c1', allTime: { count: 4, averageRating: (5 + 3 + 4 + 1) / 4 }, last90Days: { count: 2, averageRating: 4.5 } },
      { courseId: 'c2', allTime: { count: 1, averageRating: 2.5 }, last90Days: { count: 0, averageRating: null } },
    ]);
  });
});
