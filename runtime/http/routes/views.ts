// A view's two reads: one key, or several (?keys=a,b). Answered from this process's replica of the view's topic;
// a replica that is behind still answers, saying so (`stale: true`, `behindBy`), and only a key it has no value for
// yet while it catches up gets a 503 (it cannot know yet whether there is one).
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ServedView } from '../../control/endpoints.ts';
import type { ViewValue } from '../../control/view-reader.ts';
import { ApiError } from '../errors.ts';

function marked<T extends object>(view: ServedView, body: T): T | (T & { stale: true; behindBy?: number }) {
  const freshness = view.reader.freshness();
  return freshness.stale ? { ...body, stale: true, behindBy: freshness.behindBy } : body;
}

function restoring(view: ServedView): ApiError {
  const behindBy = view.reader.freshness().behindBy;
  return new ApiError(
    503,
    'view-restoring',
    `${view.spec.title} are being restored; try again in a moment.`,
    behindBy === undefined ? [] : [{ behindBy }],
    {
      'retry-after': '1',
    },
  );
}

const httpDate = (iso: string | undefined) => (iso === undefined ? undefined : new Date(iso).toUTCString());

/** An answer with its ETag (a 304 when the client has it) and what it reflects. */
function answer(request: FastifyRequest, reply: FastifyReply, body: object, reflects: ViewValue[]): unknown {
  const etag = `"${createHash('sha1').update(JSON.stringify(body)).digest('base64url')}"`;
  const latest = (field: 'eventTime' | 'processedAt') =>
    reflects
      .map((value) => value[field])
      .reduce<string | undefined>((a, b) => (b !== undefined && (a === undefined || b > a) ? b : a), undefined);
  const processedAt = latest('processedAt');
  const eventTime = latest('eventTime');
  reply.header('etag', etag).header('cache-control', 'no-cache');
  if (processedAt) reply.header('last-modified', httpDate(processedAt)).header('sluice-processing-time', processedAt);
  if (eventTime) reply.header('sluice-event-time', eventTime);
  const wanted = request.headers['if-none-match'];
  if (wanted?.split(',').some((tag) => tag.trim() === etag || tag.trim() === `W/${etag}`)) return reply.status(304).send();
  return reply.send(body);
}

export function readOne(view: ServedView, key: string, request: FastifyRequest, reply: FastifyReply): unknown {
  const entry = view.reader.get(key);
  if (!entry) {
    if (!view.reader.ready()) throw restoring(view);
    const { noun, notFound } = view.spec;
    throw new ApiError(404, `${noun.one.replaceAll(' ', '-')}-not-found`, notFound.replaceAll('{key}', key));
  }
  return answer(request, reply, marked(view, entry.value), [entry]);
}

export function readMany(
  view: ServedView,
  request: FastifyRequest<{ Querystring: Record<string, string | string[] | undefined> }>,
  reply: FastifyReply,
): unknown {
  const { keysParameter, maxKeys, noun, keyField } = view.spec;
  // ?ids=a,b and ?ids=a&ids=b (which the query parser gives as an array) say the same.
  const given = request.query[keysParameter];
  const keys = (Array.isArray(given) ? given : [given ?? '']).flatMap((list) => list.split(',')).filter(Boolean);
  if (keys.length === 0 || keys.length > maxKeys) {
    throw new ApiError(400, `invalid-${keysParameter}`, `Give 1 to ${maxKeys} ${noun.one} ${keysParameter} as ?${keysParameter}=a,b,c.`, [
      { path: `/${keysParameter}`, message: `must list 1 to ${maxKeys} ${keysParameter}` },
    ]);
  }
  const entries = keys.map((key) => ({ key, entry: view.reader.get(key) }));
  if (!view.reader.ready() && entries.every(({ entry }) => entry === undefined)) throw restoring(view);
  const values = entries.map(({ key, entry }) => entry?.value ?? { [keyField]: key, missing: true });
  const found = entries.flatMap(({ entry }) => (entry ? [entry] : []));
  return answer(request, reply, marked(view, { [noun.many]: values }), found);
}
