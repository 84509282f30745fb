// API_TOKEN set: every mutating call needs `Authorization: Bearer <token>`.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { ApiError } from './errors.ts';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// Validating changes nothing, so the designer may check a pipeline without the token.
const OPEN_MUTATIONS = new Set(['/api/pipelines/validate']);

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function requireTokenForChanges(app: FastifyInstance, token: string | undefined): void {
  if (!token) return;
  app.addHook('onRequest', async (request) => {
    if (!MUTATING.has(request.method) || OPEN_MUTATIONS.has(request.url.split('?')[0] ?? '')) return;
    const header = request.headers.authorization ?? '';
    const given = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
    if (!given || !sameToken(given, token)) {
      throw new ApiError(401, 'unauthorized', 'This runtime needs "Authorization: Bearer <API_TOKEN>" for changes.');
    }
  });
}
