// Every review the API accepts can be stored by the sink and read by the batch SQL (`sluice batch`/`verify`),
// and PostgreSQL reads its createdAt as the same millisecond as Date.parse (the stream's event time).
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TableWriter } from '../../runtime/postgres/table-writer.ts';
import { planWindowBatch } from '../../runtime/postgres/window-batch.ts';
import { batchFigures } from '../../runtime/postgres/window-verify.ts';
import { LATEST_EVENT_TIME } from '../../shared/api/event-time.ts';
import { parseReview, type Review } from '../../shared/api/review.ts';
import { eventTimeStrings } from '../../shared/testing/event-times.ts';
import { reviewStatsPipeline } from '../setup/review-stats.ts';

const adminPool = new pg.Pool({ connectionString: inject('databaseUrl') });
const database = `event_times_${Date.now()}`;
let pool: pg.Pool;

beforeAll(async () => {
  await adminPool.query(`CREATE DATABASE ${database}`);
  const url = new URL(inject('databaseUrl'));
  url.pathname = `/${database}`;
  pool = new pg.Pool({ connectionString: url.toString() });
});
afterAll(async () => {
  await pool?.end();
  await adminPool.end();
});

// Any text at all, and any date-time-like string: the schema decides which are reviews.
const candidate = fc.record({
  createdAt: eventTimeStrings,
  content: fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.string()),
  userId: fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }),
});
const farFuture = Date.parse(LATEST_EVENT_TIME);

describe('an accepted review in PostgreSQL', () => {
  it('is stored as it was sent, and its createdAt casts to timestamptz as the same millisecond Date.parse reads', async () => {
    const reviews: Review[] = [];
    fc.sample(candidate, { seed: 20, numRuns: 20_000 }).forEach((fields, index) => {
      const parsed = parseReview({ id: `r${index}`, courseId: `c${index % 7}`, rating: 4, ...fields }, farFuture);
      if (parsed.ok) reviews.push(parsed.review);
    });
    expect(reviews.length).toBeGreaterThan(2000);
    await new TableWriter(pool).write(
      { table: 'reviews_valid', primaryKey: ['id'] },
      reviews.map((row) => ({ op: 'upsert' as const, row: { ...row } })),
    );
    const { rows } = await pool.query<{ id: string; content: string; userId: string; ms: string }>(
      `SELECT id, content, "userId", (extract(epoch from "createdAt"::timestamptz) * 1000)::bigint AS ms FROM reviews_valid`,
    );
    const stored = new Map(rows.map((row) => [row.id, row]));
    expect(stored.size).toBe(reviews.length);
    for (const review of reviews) {
      const row = stored.get(review.id);
      expect({ id: review.id, ms: Number(row?.ms), content: row?.content, userId: row?.userId }).toEqual({
        id: review.id,
        ms: Date.parse(review.createdAt),
        content: review.content,
        userId: review.userId,
      });
    }
    // The batch SQL casts every row: one unreadable createdAt would fail the whole query.
    const planned = planWindowBatch(reviewStatsPipeline('round-trip'), 'courseStats');
    if (!planned.ok) throw new Error(planned.message);
    const figures = await batchFigures(pool, planned.batch, new Date(farFuture));
    const allTimeCount = planned.batch.figures.find((figure) => figure.window === 'allTime' && figure.fn === 'count')?.column ?? '';
    expect([...figures.values()].reduce((sum, course) => sum + (course[allTimeCount] ?? 0), 0)).toBe(reviews.length);
  });
});
