import { describe, expect, it } from 'vitest';
import { validatePipeline } from '../../shared/index.ts';
import { pipelineFile } from '../http/testing/pipeline-endpoints.ts';
import { planWindowBatch } from './window-batch.ts';

function pipeline(json: unknown) {
  const result = validatePipeline(json);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.pipeline;
}

const ratings = (window: Record<string, unknown>, extra: { nodes?: unknown[]; edges?: unknown[] } = {}) =>
  pipeline({
    format: 1,
    id: 'ratings',
    name: 'Ratings',
    nodes: [
      {
        id: 'in',
        type: 'source.http',
        config: {
          path: '/api/ratings',
          keyField: 'id',
          schema: {
            type: 'object',
            properties: { id: { type: 'string' }, sku: { type: 'string' }, stars: { type: 'integer' }, at: { type: 'integer' } },
            required: ['id', 'sku', 'stars', 'at'],
          },
        },
      },
      {
        id: 'history',
        type: 'sink.postgres',
        config: { table: 'ratings', primaryKey: ['rating_id'], columns: { rating_id: 'id', product: 'sku', stars: 'stars', at: 'at' } },
      },
      { id: 'stats', type: 'window', config: { keyField: 'sku', eventTimeField: 'at', idField: 'id', ...window } },
      { id: 'view', type: 'view.http', config: { path: '/api/products/{sku}', keyField: 'sku' } },
      ...(extra.nodes ?? []),
    ],
    edges: [
      { from: { node: 'in', port: 'out' }, to: { node: 'history', port: 'in' } },
      { from: { node: 'in', port: 'out' }, to: { node: 'stats', port: 'in' } },
      { from: { node: 'stats', port: 'out' }, to: { node: 'view', port: 'in' } },
      ...(extra.edges ?? []),
    ],
  });

describe("a window's batch SQL", () => {
  it("is review-stats' nightly SQL, generated from its window: GROUP BY course, all time and the last 90 days as a FILTER", () => {
    const planned = planWindowBatch(pipelineFile('review-stats'));
    if (!planned.ok) throw new Error(planned.message);
    expect(planned.batch).toMatchObject({
      window: 'courseStats',
      keyField: 'courseId',
      inputTable: 'reviews_valid',
      notVerified: [],
      notes: [],
    });
    expect(planned.batch.sql).toBe(
      [
        'WITH rows AS (',
        '  SELECT "courseId"::text AS key, "createdAt"::timestamptz AS event_time, "rating" AS v0',
        '  FROM "reviews_valid"',
        '  WHERE "createdAt"::timestamptz <= $1::timestamptz',
        ')',
        'SELECT key,',
        '       count(*) AS w0_a0,',
        '       avg(v0) AS w0_a1,',
        "       count(*) FILTER (WHERE event_time > $1::timestamptz - interval '7776000000 milliseconds') AS w1_a0,",
        "       avg(v0) FILTER (WHERE event_time > $1::timestamptz - interval '7776000000 milliseconds') AS w1_a1",
        'FROM rows',
        'GROUP BY key',
        'ORDER BY key',
      ].join('\n'),
    );
    expect(planned.batch.outputs).toEqual([
      { kind: 'topic', node: 'courseStatsTopic', topic: 'course-stats' },
      {
        kind: 'table',
        node: 'courseStatsTable',
        table: 'course_stats',
        keyColumn: 'courseId',
        columns: { allTime: 'allTime', last90Days: 'last90Days' },
      },
    ]);
  });

  it("reads a table through its columns mapping, epoch-millisecond times, and sums that are 0 over nothing, as the window's are", () => {
    const planned = planWindowBatch(
      ratings({
        windows: [{ name: 'total', type: 'all-time' }],
        aggregates: [
          { name: 'stars', fn: 'sum', field: 'stars' },
          { name: 'best', fn: 'max', field: 'stars' },
        ],
      }),
    );
    if (!planned.ok) throw new Error(planned.message);
    expect(planned.batch.sql).toContain('SELECT "product"::text AS key, to_timestamp("at" / 1000.0) AS event_time, "stars" AS v0');
    expect(planned.batch.sql).toContain('COALESCE(sum(v0), 0) AS w0_a0');
    expect(planned.batch.sql).toContain('max(v0) AS w0_a1');
    expect(planned.batch.outputs).toEqual([{ kind: 'topic', node: 'view', topic: 'sluice.ratings.view' }]);
  });

  it('says which windows it does not cover, and what may make the table differ from the window', () => {
    const planned = planWindowBatch(
      ratings({
        idField: undefined,
        windows: [
          { name: 'total', type: 'all-time' },
          { name: 'hourly', type: 'tumbling', size: '1h' },
        ],
        aggregates: [{ name: 'n', fn: 'count' }],
      }),
    );
    if (!planned.ok) throw new Error(planned.message);
    expect(planned.batch.notVerified).toEqual(['hourly (tumbling)']);
    expect(planned.batch.notes).toEqual([
      'the window counts every record, but ratings keeps one row per rating_id: the figures may differ',
    ]);
  });

  it('needs a sink.postgres on the port that feeds the window, and says where to put one', () => {
    const json = pipeline({
      format: 1,
      id: 'bare',
      name: 'Bare',
      nodes: [
        { id: 'in', type: 'source.kafka', config: { topic: 't', keyField: 'id' } },
        {
          id: 'stats',
          type: 'window',
          config: {
            keyField: 'k',
            eventTimeField: 't',
            windows: [{ name: 'a', type: 'all-time' }],
            aggregates: [{ name: 'n', fn: 'count' }],
          },
        },
        { id: 'out', type: 'sink.kafka', config: { topic: 'o' } },
      ],
      edges: [
        { from: { node: 'in', port: 'out' }, to: { node: 'stats', port: 'in' } },
        { from: { node: 'stats', port: 'out' }, to: { node: 'out', port: 'in' } },
      ],
    });
    expect(planWindowBatch(json)).toEqual({
      ok: false,
      message: "no sink.postgres keeps the window's input: connect one to in.out, beside the window, so the batch has the records",
    });
    expect(planWindowBatch(json, 'nope')).toEqual({ ok: false, message: "pipeline bare has no window 'nope' (its windows: stats)" });
  });
});
