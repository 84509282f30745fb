// The deployed pipelines' own routes, which change as pipelines are deployed: one catch-all route per method, matched
// here against what the endpoint directory serves now. The runtime's own routes are static and always win; a path
// nothing serves is a 404 before its body is read, in the same words as any unknown route.
import { Transform } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { manyPathOf, patternOf } from '../../../shared/catalog/http-routes.ts';
import type { EndpointDirectory, ServedEndpoints, ServedIngest, ServedView } from '../../control/endpoints.ts';
import { ApiError } from '../errors.ts';
import { BATCH_BODY_LIMIT, deleteOne, postBatch, postOne, RECORD_BODY_LIMIT } from './ingest.ts';
import { readMany, readOne } from './views.ts';

export type EndpointMatch =
  | { kind: 'post-one' | 'post-batch'; endpoint: ServedIngest }
  | { kind: 'delete'; endpoint: ServedIngest; key: string }
  | { kind: 'read-one'; endpoint: ServedView; key: string }
  | { kind: 'read-many'; endpoint: ServedView };

interface RouteTable {
  exact: Map<string, EndpointMatch>;
  keyed: { method: string; segments: (string | null)[]; match: (key: string) => EndpointMatch }[];
}

const segmentsOf = (path: string) => path.split('/').slice(1);

function tableOf(served: ServedEndpoints): RouteTable {
  const exact = new Map<string, EndpointMatch>();
  const keyed: RouteTable['keyed'] = [];
  for (const endpoint of served.ingest) {
    exact.set(`POST ${endpoint.spec.path}`, { kind: 'post-one', endpoint });
    exact.set(`POST ${endpoint.spec.path}:batch`, { kind: 'post-batch', endpoint });
    if (endpoint.spec.allowDelete)
      keyed.push({
        method: 'DELETE',
        segments: [...segmentsOf(endpoint.spec.path), null],
        match: (key) => ({ kind: 'delete', endpoint, key }),
      });
  }
  for (const endpoint of served.views) {
    exact.set(`GET ${manyPathOf(endpoint.spec.path)}`, { kind: 'read-many', endpoint });
    const segments = segmentsOf(patternOf(endpoint.spec.path)).map((segment) => (segment === '*' ? null : segment));
    keyed.push({ method: 'GET', segments, match: (key) => ({ kind: 'read-one', endpoint, key }) });
  }
  return { exact, keyed };
}

const tables = new WeakMap<ServedEndpoints, RouteTable>();

/** The endpoint a request is for, if any. Segments are compared decoded, so a key may hold an encoded slash. */
export function matchEndpoint(directory: EndpointDirectory, method: string, url: string): EndpointMatch | undefined {
  const served = directory.current();
  let table = tables.get(served);
  if (!table) {
    table = tableOf(served);
    tables.set(served, table);
  }
  const path = url.split('?')[0] ?? '';
  const found = table.exact.get(`${method === 'HEAD' ? 'GET' : method} ${path}`);
  if (found) return found;
  const raw = segmentsOf(path);
  for (const route of table.keyed) {
    if (route.method !== (method === 'HEAD' ? 'GET' : method) || route.segments.length !== raw.length) continue;
    let key: string | undefined;
    const fits = route.segments.every((segment, i) => {
      if (segment !== null) return segment === raw[i];
      key = raw[i];
      return key !== undefined && key !== '';
    });
    if (fits && key !== undefined) return route.match(decodeSegment(key));
  }
  return undefined;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new ApiError(400, 'invalid-url', 'The URL is not valid: a path segment has a malformed percent-encoding (like %zz or %FF).');
  }
}

const matches = new WeakMap<FastifyRequest, EndpointMatch>();

/** A body over `limit` bytes ends the request with 413 as it streams in, before it is parsed. */
function limitedTo(limit: number) {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > limit)
        done(
          new ApiError(413, 'payload-too-large', `The body is larger than the ${limit.toLocaleString('en-US')} bytes this route takes.`),
        );
      else done(null, chunk);
    },
  });
}

export function endpointRoutes(app: FastifyInstance, directory: EndpointDirectory, clock: () => number = Date.now): void {
  app.route<{ Querystring: Record<string, string | string[] | undefined> }>({
    method: ['GET', 'POST', 'DELETE'],
    url: '/*',
    bodyLimit: BATCH_BODY_LIMIT,
    onRequest: async (request) => {
      const match = matchEndpoint(directory, request.method, request.url);
      if (!match) throw new ApiError(404, 'not-found', `No route for ${request.method} ${request.url}`);
      matches.set(request, match);
    },
    preParsing: async (request, _reply, payload) => {
      if (request.method !== 'POST') return payload;
      const length = Number(request.headers['content-length']);
      const limit = matches.get(request)?.kind === 'post-batch' ? BATCH_BODY_LIMIT : RECORD_BODY_LIMIT;
      if (length > limit)
        throw new ApiError(
          413,
          'payload-too-large',
          `The body is larger than the ${limit.toLocaleString('en-US')} bytes this route takes.`,
        );
      return payload.pipe(limitedTo(limit));
    },
    handler: async (request, reply) => {
      const match = matches.get(request);
      if (!match) throw new ApiError(404, 'not-found', `No route for ${request.method} ${request.url}`);
      switch (match.kind) {
        case 'post-one':
          return postOne(match.endpoint, request.body, clock(), reply);
        case 'post-batch':
          return postBatch(match.endpoint, request.body, clock(), reply);
        case 'delete':
          return deleteOne(match.endpoint, match.key, reply);
        case 'read-one':
          return readOne(match.endpoint, match.key, request, reply);
        case 'read-many':
          return readMany(match.endpoint, request, reply);
      }
    },
  });
}
