import { describe, expect, it } from 'vitest';
import { validPipelineInput } from '../../shared/validation/test-pipelines.ts';
import { buildServer } from './server.ts';
import { pipelineEndpoints, pipelineFile } from './testing/pipeline-endpoints.ts';
import { recordingPipelines } from './testing/recording-pipelines.ts';

const review = { id: 'r1', courseId: 'c1', userId: 'u1', rating: 4, createdAt: '2026-01-02T03:04:05Z' };
const server = (apiToken?: string, designerOrigin?: string, allowedHosts?: string[]) =>
  buildServer({
    control: { endpoints: pipelineEndpoints(pipelineFile('review-stats')), kafkaHealth: async () => ({ connected: true, brokers: [] }) },
    apiToken,
    designerOrigin,
    allowedHosts,
  });

async function withPipelines(apiToken?: string) {
  const pipelines = recordingPipelines();
  const app = await buildServer({
    control: {
      endpoints: pipelineEndpoints(pipelineFile('review-stats')),
      pipelines,
      kafkaHealth: async () => ({ connected: true, brokers: [] }),
    },
    apiToken,
  });
  return { app, pipelines };
}

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

describe('route matching a pipeline id cannot shadow', () => {
  const validateAsId = { ...validPipelineInput(), id: 'validate' };

  it('asks for the token to deploy, stop or delete a pipeline called validate', async () => {
    const { app, pipelines } = await withPipelines('s3cret');
    const attempts = [
      await app.inject({ method: 'PUT', url: '/api/pipelines/validate', payload: { pipeline: validateAsId } }),
      await app.inject({ method: 'DELETE', url: '/api/pipelines/validate' }),
      await app.inject({ method: 'POST', url: '/api/pipelines/validate/stop' }),
      await app.inject({ method: 'PUT', url: '/api/pipelines/%76alidate', payload: { pipeline: validateAsId } }),
      await app.inject({ method: 'PUT', url: '/api/pipelines/validate?x=1', payload: { pipeline: validateAsId } }),
    ];
    expect(attempts.map((response) => response.statusCode)).toEqual([401, 401, 401, 401, 401]);
    expect(pipelines.changes).toEqual([]);
  });

  it('keeps validation open without the token, on the documented path and on its own', async () => {
    const { app } = await withPipelines('s3cret');
    for (const url of ['/api/pipelines/validate', '/api/pipelines:validate']) {
      const response = await app.inject({ method: 'POST', url, payload: validPipelineInput() });
      expect({ url, status: response.statusCode, body: response.json() }).toEqual({ url, status: 200, body: { ok: true, issues: [] } });
    }
  });

  it('refuses the reserved id when validating, saying why', async () => {
    const { app } = await withPipelines();
    const response = await app.inject({ method: 'POST', url: '/api/pipelines:validate', payload: validateAsId });
    expect(response.json().issues).toEqual([
      {
        code: 'invalid-value',
        path: '/id',
        message: "'id' is reserved: /api/pipelines/validate is the validation endpoint; choose another id",
      },
    ]);
  });
});

describe('without API_TOKEN: only this machine, only its own pages', () => {
  it('refuses a change from another site, even without a body, and changes nothing', async () => {
    const { app, pipelines } = await withPipelines();
    const crossSite = [
      { origin: 'http://evil.example' },
      { origin: 'null' },
      { origin: 'http://localhost:9999' },
      { 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of crossSite) {
      const response = await app.inject({ method: 'POST', url: '/api/pipelines/review-stats/stop', headers });
      expect({ headers, status: response.statusCode, code: response.json().error.code }).toEqual({
        headers,
        status: 403,
        code: 'cross-origin',
      });
    }
    expect(pipelines.changes).toEqual([]);
  });

  it('takes changes from its own pages and from tools that send no Origin (curl)', async () => {
    const { app, pipelines } = await withPipelines();
    await app.inject({ method: 'POST', url: '/api/pipelines/review-stats/stop', headers: { origin: 'http://localhost' } });
    await app.inject({ method: 'POST', url: '/api/pipelines/review-stats/stop', headers: { 'sec-fetch-site': 'same-origin' } });
    await app.inject({ method: 'POST', url: '/api/pipelines/review-stats/stop' });
    expect(pipelines.changes).toEqual(['stop review-stats', 'stop review-stats', 'stop review-stats']);
  });

  it('answers no request addressed to another name (DNS rebinding), reads included', async () => {
    const app = await server();
    for (const host of ['evil.example', 'evil.example:80', 'localhost.evil.example', '127.0.0.1.nip.io']) {
      const response = await app.inject({ method: 'GET', url: '/api/health', headers: { host } });
      expect({ host, status: response.statusCode, code: response.json().error.code }).toEqual({
        host,
        status: 403,
        code: 'host-not-allowed',
      });
    }
    for (const host of ['localhost', 'localhost:80', '127.0.0.1:80', '[::1]:80', 'LocalHost:80']) {
      expect((await app.inject({ method: 'GET', url: '/api/health', headers: { host } })).statusCode).toBe(200);
    }
  });

  it('answers the names it is told about, and the designer origin', async () => {
    const app = await server(undefined, 'http://designer.test:5173', ['sluice.internal']);
    for (const host of ['sluice.internal', 'sluice.internal:8080', 'designer.test:5173'])
      expect((await app.inject({ method: 'GET', url: '/api/health', headers: { host } })).statusCode).toBe(200);
    const fromDesigner = await app.inject({
      method: 'POST',
      url: '/api/reviews',
      payload: review,
      headers: { origin: 'http://designer.test:5173' },
    });
    expect(fromDesigner.statusCode).toBe(202);
  });

  it('checks no Host and no Origin with API_TOKEN set (it listens on every interface, behind any name)', async () => {
    const app = await server('s3cret');
    const response = await app.inject({
      method: 'POST',
      url: '/api/reviews',
      payload: review,
      headers: { host: 'sluice.example.com', origin: 'https://sluice.example.com', authorization: 'Bearer s3cret' },
    });
    expect(response.statusCode).toBe(202);
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
