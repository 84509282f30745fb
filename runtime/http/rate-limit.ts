// Per-client rate limit on ingest: one client (one remote address, over all its connections) cannot starve the
// others. A fixed one-second window is enough here: it bounds bursts, and a polite client (the load generator,
// the website) batches anyway. Behind a proxy every client is the proxy's address: set the limit for the proxy.
import type { FastifyInstance } from 'fastify';
import { ApiError } from './errors.ts';

/** The ingest endpoint a request writes to: its records' name and path, for the answer. */
export type IngestOf = (method: string, url: string) => { noun: string; path: string } | undefined;

export function limitIngestPerClient(app: FastifyInstance, perSecond: number, ingestOf: IngestOf, clock: () => number = Date.now): void {
  let second = Number.NaN;
  // Only this second's counts: the map never holds more clients than wrote within one second.
  let counts = new Map<string, number>();
  app.addHook('onRequest', async (request) => {
    if (request.method !== 'POST' && request.method !== 'DELETE') return;
    const ingest = ingestOf(request.method, request.url);
    if (!ingest) return;
    const now = clock();
    const current = Math.floor(now / 1000);
    if (current !== second) {
      second = current;
      counts = new Map();
    }
    const client = request.ip;
    const count = (counts.get(client) ?? 0) + 1;
    counts.set(client, count);
    if (count > perSecond) {
      throw new ApiError(
        429,
        'rate-limited',
        `At most ${perSecond} ${ingest.noun} requests per second per client; batch them (POST ${ingest.path}:batch) or slow down.`,
        [],
        { 'retry-after': '1' }, // the window ends within a second
      );
    }
  });
}
