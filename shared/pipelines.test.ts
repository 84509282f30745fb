// Every pipeline file in pipelines/ must validate, so the default never rots.
// biome-ignore-all lint/style/noRestrictedImports: the test reads the pipeline files from disk
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONNECTION } from './catalog/index.ts';
import { validatePipeline } from './validation/validate.ts';

const folder = new URL('../pipelines/', import.meta.url);
const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter(
  (file) => file.endsWith('.json') && !file.startsWith('models/'),
);
const read = (file: string): unknown => JSON.parse(readFileSync(new URL(file, folder), 'utf8'));

describe('pipelines/*.json', () => {
  it('has the default pipeline', () => {
    expect(files).toContain('review-stats.json');
  });

  it.each(files)('%s validates', (file) => {
    expect(validatePipeline(read(file)).issues).toEqual([]);
  });

  it.each(files)('%s points editors at the generated schema and has a layout for every node', (file) => {
    const pipeline = read(file) as { $schema?: string; nodes: { id: string }[]; layout?: { nodes: Record<string, unknown> } };
    expect(pipeline.$schema).toBe(`${'../'.repeat(file.split('/').length)}shared/generated/pipeline.schema.json`);
    expect(Object.keys(pipeline.layout?.nodes ?? {}).sort()).toEqual(pipeline.nodes.map((node) => node.id).sort());
  });
});

describe('review-stats.json', () => {
  const result = validatePipeline(read('review-stats.json'));
  if (!result.ok) throw new Error('review-stats.json must validate');
  const { pipeline } = result;
  const node = (id: string) => pipeline.nodes.find((candidate) => candidate.id === id);
  const targets = (from: string, port: string) =>
    pipeline.edges.filter((edge) => edge.from.node === from && edge.from.port === port).map((edge) => node(edge.to.node));

  it('takes reviews at POST /api/reviews into the topic reviews, keyed by id with createdAt as event time, into the spam filter', () => {
    expect(node('reviews')).toMatchObject({
      type: 'source.http',
      config: { path: '/api/reviews', topic: 'reviews', keyField: 'id', eventTimeField: 'createdAt', allowDelete: true },
    });
    expect(targets('reviews', 'out').map((target) => target?.id)).toEqual(['spamFilter']);
  });

  it('sends valid reviews to a topic, a table and the course statistics; spam to its own topic', () => {
    expect(targets('spamFilter', 'valid').map((target) => [target?.type, target?.config])).toEqual([
      ['sink.kafka', { topic: 'reviews-valid', keyField: 'id', compacted: false, partitions: 3, retention: 'forever' }],
      [
        'sink.postgres',
        { connection: DEFAULT_CONNECTION, table: 'reviews_valid', primaryKey: ['id'], mode: 'upsert', deleteOnTombstone: true },
      ],
      ['window', expect.objectContaining({ keyField: 'courseId', eventTimeField: 'createdAt', idField: 'id' })],
    ]);
    expect(targets('spamFilter', 'spam').map((target) => target?.config)).toEqual([
      { topic: 'reviews-spam', compacted: false, partitions: 3, retention: 'forever' },
    ]);
  });

  it('computes count and average rating all-time and over the last 90 days', () => {
    expect(node('courseStats')?.config).toMatchObject({
      windows: [
        { name: 'allTime', type: 'all-time' },
        { name: 'last90Days', type: 'sliding', size: '90d' },
      ],
      aggregates: [
        { name: 'count', fn: 'count' },
        { name: 'averageRating', fn: 'avg', field: 'rating' },
      ],
    });
    expect(targets('courseStats', 'out').map((target) => [target?.type, target?.config])).toEqual([
      ['view.http', expect.objectContaining({ path: '/api/courses/{courseId}/stats', topic: 'course-stats', keyField: 'courseId' })],
      ['sink.postgres', expect.objectContaining({ table: 'course_stats', primaryKey: ['courseId'] })],
    ]);
  });

  it('lays nodes out left to right in columns, without overlaps', () => {
    const positions = Object.entries(pipeline.layout?.nodes ?? {});
    for (const edge of pipeline.edges) {
      const from = pipeline.layout?.nodes[edge.from.node];
      const to = pipeline.layout?.nodes[edge.to.node];
      expect((to?.x ?? 0) - (from?.x ?? 0)).toBe(260);
    }
    // Boxes are about 200×80 in the designer.
    for (const [a, p] of positions) {
      for (const [b, q] of positions) {
        if (a < b) expect(Math.abs(p.x - q.x) >= 220 || Math.abs(p.y - q.y) >= 100, `${a} overlaps ${b}`).toBe(true);
      }
    }
  });
});
