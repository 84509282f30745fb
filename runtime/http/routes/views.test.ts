import { describe, expect, it } from 'vitest';
import type { ViewReader } from '../../control/view-reader.ts';
import { buildServer } from '../server.ts';
import { pipelineEndpoints, pipelineFile } from '../testing/pipeline-endpoints.ts';

const stats = {
  courseId: 'kafka-101',
  allTime: { count: 2, averageRating: 4.5 },
  last90Days: { count: 1, averageRating: 5 },
  asOf: '2026-12-01T10:00:00.000Z',
};

async function serverWith(freshness: ReturnType<ViewReader['freshness']>) {
  const courseStats: ViewReader = {
    ready: () => true,
    get: (id) => (id === stats.courseId ? { value: stats } : undefined),
    freshness: () => freshness,
  };
  const endpoints = pipelineEndpoints(pipelineFile('review-stats'), { reader: courseStats });
  return buildServer({ control: { endpoints, kafkaHealth: async () => ({ connected: true, brokers: [] }) } });
}

describe('course statistics from a local replica', () => {
  it('are answered as they are while the replica is current', async () => {
    const app = await serverWith({ stale: false, behindBy: 2 });
    const response = await app.inject({ method: 'GET', url: '/api/courses/kafka-101/stats' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(stats);
    await app.close();
  });

  it('say they are stale, and by how much, once the replica fell behind (never as if current)', async () => {
    const app = await serverWith({ stale: true, behindBy: 480, reason: 'behind' });
    const one = await app.inject({ method: 'GET', url: '/api/courses/kafka-101/stats' });
    expect(one.statusCode).toBe(200);
    expect(one.json()).toEqual({ ...stats, stale: true, behindBy: 480 });
    const many = await app.inject({ method: 'GET', url: '/api/courses/stats?ids=kafka-101,go-201' });
    expect(many.json()).toEqual({ courses: [stats, { courseId: 'go-201', missing: true }], stale: true, behindBy: 480 });
    await app.close();
  });
});
