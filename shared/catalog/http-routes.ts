// The HTTP routes a node serves (an ingest path, a view), as data: every runtime process serves the routes of every
// running pipeline, so no two nodes, in one pipeline or in two, may claim a route one request could reach.
import { z } from 'zod';
import type { RecordSchema } from '../records/record-schema.ts';

export type HttpMethod = 'GET' | 'POST' | 'DELETE';

/** A route pattern: its segments, `*` for a placeholder segment (a key). */
export interface HttpRoute {
  method: HttpMethod;
  path: string;
}

const SEGMENT = '[A-Za-z0-9._~-]+';
const PLACEHOLDER = '\\{[a-zA-Z][a-zA-Z0-9_]{0,62}\\}';

/** The runtime's own paths: an endpoint there would shadow them, or they it. */
export const RESERVED_PREFIXES = ['/api/pipelines', '/api/health', '/api/openapi.json'] as const;

const underApi = (path: string) =>
  path.startsWith('/api/') &&
  !RESERVED_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}:`));
const UNDER_API_MESSAGE = `must start with /api/, but not ${RESERVED_PREFIXES.join(', ')} (the runtime's own routes)`;

/** A path that takes records, like /api/reviews (no placeholder: the batch and delete routes are derived from it). */
export const ingestPathSchema = z
  .string()
  .max(200)
  .regex(new RegExp(`^(/${SEGMENT})+$`), 'must be a path like /api/reviews: segments of letters, digits, dots, dashes and underscores')
  .refine(underApi, UNDER_API_MESSAGE)
  .describe('The path records are posted to, like /api/reviews; POST <path>:batch takes up to 1,000 at once.');

/** A path with exactly one placeholder segment for the key, like /api/courses/{courseId}/stats. */
export const viewPathSchema = z
  .string()
  .max(200)
  .regex(
    new RegExp(`^(/${SEGMENT})*/${PLACEHOLDER}(/${SEGMENT})*$`),
    'must be a path with one {placeholder} segment for the key, like /api/courses/{courseId}/stats',
  )
  .refine(underApi, UNDER_API_MESSAGE)
  .refine((path) => path.split('/').filter((segment) => segment !== '').length >= 3, 'needs a segment besides /api and the placeholder')
  .describe('The path a value is read at, with one {placeholder} segment for its key, like /api/courses/{courseId}/stats.');

/** The placeholder's name: `courseId` of /api/courses/{courseId}/stats. */
export function placeholderOf(path: string): string {
  return /\{([a-zA-Z][a-zA-Z0-9_]*)\}/.exec(path)?.[1] ?? 'key';
}

/** The path of the multi-key form: the placeholder segment left out, /api/courses/stats for /api/courses/{courseId}/stats. */
export function manyPathOf(path: string): string {
  return path
    .split('/')
    .filter((segment) => !/^\{.*\}$/.test(segment))
    .join('/');
}

/** As a pattern: placeholders become `*`. */
export const patternOf = (path: string) => path.replace(/\{[^}]*\}/g, '*');

function segmentsOf(pattern: string): string[] {
  return pattern.split('/').slice(1);
}

/** Whether one request could reach both routes: the same method, as many segments, each equal or a placeholder. */
export function routesOverlap(a: HttpRoute, b: HttpRoute): boolean {
  if (a.method !== b.method) return false;
  const x = segmentsOf(a.path);
  const y = segmentsOf(b.path);
  return x.length === y.length && x.every((segment, i) => segment === y[i] || segment === '*' || y[i] === '*');
}

/** What one record or several are called in an endpoint's answers and errors. */
export interface Noun {
  one: string;
  many: string;
}

/** An ingest endpoint: records posted to `path` are checked against `schema` and written to `topic`. */
export interface IngestSpec {
  kind: 'ingest';
  path: string;
  topic: string;
  partitions: number;
  keyField: string;
  schema: RecordSchema;
  eventTimeField?: string;
  maxFutureMs: number;
  allowDelete: boolean;
  noun: Noun;
}

/** A view: the latest record per key of the compacted `topic`, read at `path` (one placeholder for the key). */
export interface ViewSpec {
  kind: 'view';
  path: string;
  topic: string;
  keyField: string;
  noun: Noun;
  title: string;
  keysParameter: string;
  maxKeys: number;
  /** The 404 message; `{key}` is replaced by the key. */
  notFound: string;
}

export type EndpointSpec = IngestSpec | ViewSpec;

/** The routes an endpoint serves. */
export function routesOf(spec: EndpointSpec): HttpRoute[] {
  if (spec.kind === 'view')
    return [
      { method: 'GET', path: patternOf(spec.path) },
      { method: 'GET', path: manyPathOf(spec.path) },
    ];
  return [
    { method: 'POST', path: spec.path },
    { method: 'POST', path: `${spec.path}:batch` },
    ...(spec.allowDelete ? [{ method: 'DELETE' as const, path: `${spec.path}/*` }] : []),
  ];
}
