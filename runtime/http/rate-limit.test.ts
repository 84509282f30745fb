import { Agent, request } from 'node:http';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { installErrorHandling } from './errors.ts';
import { limitIngestPerConnection } from './rate-limit.ts';

describe('the ingest rate limit', () => {
  it('answers 429 past the limit within one second on one connection, and lets the next second through', async () => {
    let now = 10_000;
    const app = Fastify();
    installErrorHandling(app);
    limitIngestPerConnection(app, 3, () => now);
    app.post('/api/reviews', async () => ({ ok: true }));
    app.get('/api/courses/x/stats', async () => ({ ok: true }));
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    // One keep-alive socket for every request: one connection.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const send = (method: string, path: string) =>
      new Promise<number>((done, fail) => {
        const call = request(`${address}${path}`, { method, agent, headers: { 'content-type': 'application/json' } }, (response) => {
          response.resume();
          response.on('end', () => done(response.statusCode ?? 0));
        });
        call.on('error', fail);
        call.end(method === 'POST' ? '{}' : undefined);
      });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push(await send('POST', '/api/reviews'));
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(await send('GET', '/api/courses/x/stats')).toBe(200);
    now += 1000;
    expect(await send('POST', '/api/reviews')).toBe(200);
    agent.destroy();
    await app.close();
  });
});
