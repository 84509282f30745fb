import { describe, expect, it } from 'vitest';
import { buildServer } from './server.ts';
import { recordingIngest } from './testing/recording-ingest.ts';

const review = { id: 'r1', courseId: 'c1', userId: 'u1', rating: 4, createdAt: '2026-01-02T03:04:05Z' };
const server = (apiToken?: string, designerOrigin?: string) =>
  buildServer({
    control: { reviews: recordingIngest(), kafkaHealth: async () => ({ connected: true, brokers: [] }) },
    apiToken,
    designerOrigin,
  });

describe('API_TOKEN', () => {
  it('makes mutating calls answer 401 without the bearer token, and accepts them with it', async () => {
    const app = await server('s3cret');
    const without = await app.inject({ method: 'POST', url: '/api/reviews', payload: review });
    expect(without.statusCode).toBe(401);
    expect(without.json().error.code).toBe('unauthorized');
    const wrong = await app.inject({ method: 'POST', url: '/api/reviews', payload: review, headers: { authorization: 'Bearer nope' } });
    expect(wrong.statusCode).toBe(401);
    const right = await app.inject({ method: 'POST', url: '/api/reviews', payload: review, headers: { authorization: 'Bearer s3cret' } });
    expect(right.statusCode).toBe(202);
  });

  it('leaves reads open', async () => {
    const app = await server('s3cret');
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });

  it('asks for nothing when unset', async () => {
    const app = await server();
    expect((await app.inject({ method: 'POST', url: '/api/reviews', payload: review })).statusCode).toBe(202);
  });
});

describe('CORS', () => {
  it("answers only the designer's own origin", async () => {
    const app = await server(undefined, 'http://127.0.0.1:5173');
    const allowed = await app.inject({ method: 'GET', url: '/api/health', headers: { origin: 'http://127.0.0.1:5173' } });
    expect(allowed.headers['access-control-allow-origin']).toBe('http://127.0.0.1:5173');
    const other = await app.inject({ method: 'GET', url: '/api/health', headers: { origin: 'http://evil.example' } });
    expect(other.headers['access-control-allow-origin']).not.toBe('http://evil.example');
  });
});

describe('GET /api/openapi.json', () => {
  it('describes every route, with the review schema the API validates with', async () => {
    const app = await server();
    const document = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toContain('/api/reviews');
    expect(Object.keys(document.paths)).toContain('/api/pipelines/{id}/metrics/stream');
    expect(document.components.schemas.Review.required).toEqual(
      expect.arrayContaining(['id', 'courseId', 'userId', 'rating', 'createdAt']),
    );
  });
});
