// API_TOKEN set: every mutating call needs `Authorization: Bearer <token>`.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { ApiError } from './errors.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A POST that changes nothing (validation): open without the token. Set on the route, never matched by path. */
    changesNothing?: boolean;
  }
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function requireTokenForChanges(app: FastifyInstance, token: string | undefined): void {
  if (!token) return;
  app.addHook('onRequest', async (request) => {
    // The matched route says whether it changes anything: a URL that only looks like an open one
    // (PUT /api/pipelines/validate is a deploy of a pipeline called validate) gets no exemption.
    if (!MUTATING.has(request.method) || request.routeOptions.config.changesNothing === true) return;
    const header = request.headers.authorization ?? '';
    const given = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
    if (!given || !sameToken(given, token)) {
      throw new ApiError(401, 'unauthorized', 'This runtime needs "Authorization: Bearer <API_TOKEN>" for changes.');
    }
  });
}
