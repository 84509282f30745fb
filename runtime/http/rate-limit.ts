// Per-connection rate limit on ingest: one client cannot starve the others.
// A fixed one-second window per connection is enough here: it bounds bursts, and
// a polite client (the load generator, the website) batches anyway.
import type { FastifyInstance } from 'fastify';
import { ApiError } from './errors.ts';

interface Window {
  second: number;
  count: number;
}

export function limitIngestPerConnection(app: FastifyInstance, perSecond: number, clock: () => number = Date.now): void {
  const windows = new WeakMap<object, Window>();
  app.addHook('onRequest', async (request) => {
    if (request.method !== 'POST' && request.method !== 'DELETE') return;
    if (!request.url.startsWith('/api/reviews')) return;
    const socket = request.raw.socket as object;
    const second = Math.floor(clock() / 1000);
    const window = windows.get(socket);
    if (!window || window.second !== second) {
      windows.set(socket, { second, count: 1 });
      return;
    }
    window.count++;
    if (window.count > perSecond) {
      throw new ApiError(
        429,
        'rate-limited',
        `At most ${perSecond} review requests per second per connection; batch them (POST /api/reviews:batch) or slow down.`,
      );
    }
  });
}
