import { describe, expect, it } from 'vitest';
import { buildServer } from '../server.ts';
import { pipelineEndpoints, pipelineFile } from '../testing/pipeline-endpoints.ts';
import { recordingWriter } from '../testing/recording-writer.ts';

const review = { id: 'r1', courseId: 'c1', userId: 'u1', rating: 4, createdAt: '2026-01-02T03:04:05Z' };

async function server(options: Parameters<typeof recordingWriter>[0] = {}) {
  const ingest = recordingWriter(options);
  const endpoints = pipelineEndpoints(pipelineFile('review-stats'), { writer: ingest });
  const app = await buildServer({ control: { endpoints, kafkaHealth: async () => ({ connected: true, brokers: [] }) } });
  return { app, ingest };
}

describe('POST /api/reviews', () => {
  it('answers 202 with the id once the write was acknowledged', async () => {
    const { app, ingest } = await server();
    const response = await app.inject({ method: 'POST', url: '/api/reviews', payload: review });
    expect(response.statusCode).toBe(202);
    expect(response.json()).toEqual({ id: 'r1' });
    expect(ingest.written).toEqual([review]);
  });

  it('answers 400 with one detail per bad field and writes nothing', async () => {
    const { app, ingest } = await server();
    const response = await app.inject({ method: 'POST', url: '/api/reviews', payload: { ...review, rating: 7, userId: '' } });
    expect(response.statusCode).toBe(400);
    const body = response.json() as { error: { code: string; details: { path: string }[] } };
    expect(body.error.code).toBe('invalid-review');
    expect(body.error.details.map((d) => d.path).sort()).toEqual(['/rating', '/userId']);
    expect(ingest.written).toEqual([]);
  });

  it('answers 415 for a body that is not JSON and 400 for malformed JSON', async () => {
    const { app } = await server();
    const text = await app.inject({ method: 'POST', url: '/api/reviews', payload: 'hello', headers: { 'content-type': 'text/plain' } });
    expect(text.statusCode).toBe(415);
    expect(text.json().error.code).toBe('unsupported-media-type');
    const broken = await app.inject({
      method: 'POST',
      url: '/api/reviews',
      payload: '{"id": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.code).toBe('invalid-json');
  });

  it('answers 413 for a body over 64 KiB', async () => {
    const { app } = await server();
    const response = await app.inject({ method: 'POST', url: '/api/reviews', payload: { ...review, content: 'x'.repeat(70 * 1024) } });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('payload-too-large');
  });

  it('answers 503, never 2xx, when Kafka cannot take the write', async () => {
    const { app } = await server({ unavailable: true });
    const response = await app.inject({ method: 'POST', url: '/api/reviews', payload: review });
    expect(response.statusCode).toBe(503);
    expect(response.json().error.code).toBe('kafka-unavailable');
  });

  it('says a write that timed out may have been stored and that sending it again with the same id is safe', async () => {
    const { app } = await server({ unavailable: true, outcome: 'unknown' });
    const response = await app.inject({ method: 'POST', url: '/api/reviews', payload: review });
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('1');
    expect(response.json().error).toEqual({
      code: 'kafka-unavailable',
      message:
        'Kafka did not acknowledge the write within 5000 ms. It may have been stored: sending it again with the same id is safe ' +
        '(a review sent again under its id replaces itself, and the pipeline counts each id once).',
      details: [{ stored: 'unknown', retry: 'safe with the same id' }],
    });
  });

  it('says nothing was stored when the write never reached a broker', async () => {
    const { app } = await server({ unavailable: true, outcome: 'not-written' });
    const response = await app.inject({ method: 'DELETE', url: '/api/reviews/r1' });
    expect(response.statusCode).toBe(503);
    expect(response.json().error.message).toContain('Nothing was stored');
    expect(response.json().error.details).toEqual([{ stored: 'no', retry: 'safe with the same id' }]);
  });
});

describe('what no sink could store', () => {
  it('refuses a review with a NUL character with 400 naming the field, and writes nothing', async () => {
    const { app, ingest } = await server();
    const response = await app.inject({ method: 'POST', url: '/api/reviews', payload: { ...review, content: 'a\u0000b' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([
      { path: '/content', message: 'must not hold control characters other than tab, line feed and carriage return (U+0000 at 1)' },
    ]);
    expect(ingest.written).toEqual([]);
  });

  it('refuses createdAt values PostgreSQL or the batch SQL cannot read, with 400 naming the field', async () => {
    const { app, ingest } = await server();
    for (const createdAt of ['2025-01-01T00:00:00+23:59', '0000-01-01T00:00:00Z', '2025-01-01T00:00:00.1234567Z']) {
      const response = await app.inject({ method: 'POST', url: '/api/reviews', payload: { ...review, createdAt } });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details.map((detail: { path: string }) => detail.path)).toEqual(['/createdAt']);
    }
    expect(ingest.written).toEqual([]);
  });

  it('refuses to delete an id no review could have (a control character in it)', async () => {
    const { app, ingest } = await server();
    const response = await app.inject({ method: 'DELETE', url: '/api/reviews/a%00b' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([{ path: '/id', message: 'must not hold control characters (U+0000 at 1)' }]);
    expect(ingest.removed).toEqual([]);
  });
});

describe('DELETE /api/reviews/:id', () => {
  it('writes the delete and answers 202', async () => {
    const { app, ingest } = await server();
    const response = await app.inject({ method: 'DELETE', url: '/api/reviews/r9' });
    expect(response.statusCode).toBe(202);
    expect(ingest.removed).toEqual(['r9']);
  });
});

describe('POST /api/reviews:batch', () => {
  it('writes the valid items and reports each item', async () => {
    const { app, ingest } = await server();
    const response = await app.inject({
      method: 'POST',
      url: '/api/reviews:batch',
      payload: { reviews: [review, { ...review, id: 'r2', rating: 0 }, { ...review, id: 'r3' }] },
    });
    expect(response.statusCode).toBe(207);
    const body = response.json() as { accepted: number; rejected: number; results: { index: number; status: number }[] };
    expect(body.accepted).toBe(2);
    expect(body.rejected).toBe(1);
    expect(body.results.map((r) => r.status)).toEqual([202, 400, 202]);
    expect(ingest.written.map((r) => r.id)).toEqual(['r1', 'r3']);
  });

  it('refuses a batch in which no review is valid with 400, one detail per bad field, and writes nothing', async () => {
    const { app, ingest } = await server();
    const response = await app.inject({
      method: 'POST',
      url: '/api/reviews:batch',
      payload: {
        reviews: [
          { ...review, rating: 0 },
          { ...review, id: '' },
        ],
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toBe('None of the 2 reviews is valid; nothing was written.');
    expect(response.json().error.details.map((detail: { path: string }) => detail.path)).toEqual(['/reviews/0/rating', '/reviews/1/id']);
    expect(ingest.written).toEqual([]);
  });

  it('answers 400, not 500, to a body that is not a batch: none, null, a number, {"reviews": null}, unknown fields', async () => {
    const { app } = await server();
    const json = { 'content-type': 'application/json' };
    const cases = [
      { payload: undefined, headers: {} },
      { payload: 'null', headers: json },
      { payload: '42', headers: json },
      { payload: '"reviews"', headers: json },
      { payload: '{"reviews": null}', headers: json },
      { payload: '{}', headers: json },
      { payload: JSON.stringify({ reviews: [review], extra: 1 }), headers: json },
    ];
    for (const { payload, headers } of cases) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/reviews:batch',
        headers,
        ...(payload === undefined ? {} : { payload }),
      });
      expect({ payload, status: response.statusCode, code: response.json().error.code }).toEqual({
        payload,
        status: 400,
        code: 'invalid-batch',
      });
    }
  });

  it('answers 413 to a batch body over 1 MiB, saying the limit', async () => {
    const { app, ingest } = await server();
    const reviews = Array.from({ length: 120 }, (_, i) => ({ ...review, id: `r${i}`, content: 'x'.repeat(9000) }));
    const response = await app.inject({ method: 'POST', url: '/api/reviews:batch', payload: { reviews } });
    expect(response.statusCode).toBe(413);
    expect(response.json().error).toMatchObject({
      code: 'payload-too-large',
      message: 'The body is larger than the 1,048,576 bytes this route takes.',
    });
    expect(ingest.written).toEqual([]);
  });

  it('refuses more than 1,000 reviews', async () => {
    const { app } = await server();
    const reviews = Array.from({ length: 1001 }, (_, i) => ({ ...review, id: `r${i}` }));
    const response = await app.inject({ method: 'POST', url: '/api/reviews:batch', payload: { reviews } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain('1 to 1000 reviews; this one has 1001');
  });
});
