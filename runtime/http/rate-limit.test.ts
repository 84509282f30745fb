import { Agent, request } from 'node:http';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { installErrorHandling } from './errors.ts';
import { limitIngestPerClient } from './rate-limit.ts';

async function limited(perSecond: number, clock: () => number) {
  const app = Fastify();
  installErrorHandling(app);
  limitIngestPerClient(
    app,
    perSecond,
    (_method, url) => (url.startsWith('/api/reviews') ? { noun: 'review', path: '/api/reviews' } : undefined),
    clock,
  );
  app.post('/api/reviews', async () => ({ ok: true }));
  app.get('/api/courses/x/stats', async () => ({ ok: true }));
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, address };
}

function send(address: string, method: string, path: string, options: { agent?: Agent; localAddress?: string } = {}) {
  return new Promise<{ status: number; retryAfter?: string }>((done, fail) => {
    const call = request(
      `${address}${path}`,
      // agent false: a new connection for every request.
      { method, agent: options.agent ?? false, localAddress: options.localAddress, headers: { 'content-type': 'application/json' } },
      (response) => {
        response.resume();
        response.on('end', () =>
          done({ status: response.statusCode ?? 0, retryAfter: response.headers['retry-after'] as string | undefined }),
        );
      },
    );
    call.on('error', fail);
    call.end(method === 'POST' ? '{}' : undefined);
  });
}

describe('the ingest rate limit', () => {
  it('answers 429 with Retry-After past the limit within one second on one connection, and lets the next second through', async () => {
    let now = 10_000;
    const { app, address } = await limited(3, () => now);
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await send(address, 'POST', '/api/reviews', { agent })).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(await send(address, 'POST', '/api/reviews', { agent })).toEqual({ status: 429, retryAfter: '1' });
    expect((await send(address, 'GET', '/api/courses/x/stats', { agent })).status).toBe(200);
    now += 1000;
    expect((await send(address, 'POST', '/api/reviews', { agent })).status).toBe(200);
    agent.destroy();
    await app.close();
  });

  it('counts a client over all its connections, and other clients apart', async () => {
    const now = 20_000;
    const { app, address } = await limited(3, () => now);
    // Four connections at once, then one more each: one client, one budget.
    const agents = Array.from({ length: 4 }, () => new Agent({ keepAlive: true, maxSockets: 1 }));
    const statuses = await Promise.all(agents.map((agent) => send(address, 'POST', '/api/reviews', { agent })));
    statuses.push(...(await Promise.all(agents.map((agent) => send(address, 'POST', '/api/reviews', { agent })))));
    expect(statuses.filter((answer) => answer.status === 200)).toHaveLength(3);
    expect(statuses.filter((answer) => answer.status === 429)).toHaveLength(5);
    // A new connection per request changes nothing either.
    expect((await send(address, 'POST', '/api/reviews')).status).toBe(429);
    expect((await send(address, 'POST', '/api/reviews', { localAddress: '127.0.0.2' })).status).toBe(200);
    for (const agent of agents) agent.destroy();
    await app.close();
  });
});
