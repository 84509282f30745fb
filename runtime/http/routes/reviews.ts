// The website's side: reviews in. A 2xx means the review is durable in Kafka.
import type { FastifyInstance } from 'fastify';
import { type FieldIssue, parseReview, type Review, reviewIdSchema } from '../../../shared/api/review.ts';
import { IngestUnavailableError, type ReviewIngest, WriteTooLargeError } from '../../control/review-ingest.ts';
import { ApiError } from '../errors.ts';

const MAX_BATCH = 1000;
/** A batch's body: with every review checked, the records fit one write under the broker's default max.message.bytes. */
export const BATCH_BODY_LIMIT = 1024 * 1024;

type WriteKind = 'review' | 'batch' | 'delete';

const ambiguity: Record<WriteKind, string> = {
  review:
    'It may have been stored: sending it again with the same id is safe (a review sent again under its id replaces itself, ' +
    'and the pipeline counts each id once).',
  batch:
    'Some or all of its reviews may have been stored: sending the same batch again is safe (a review sent again under its id ' +
    'replaces itself, and the pipeline counts each id once).',
  delete: 'It may have been stored: sending it again is safe (deleting an id twice deletes it once).',
};

/** Maps the writer's failures: 413 before anything was sent, 503 saying whether the write may be in Kafka anyway. */
async function durably(kind: WriteKind, write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (error instanceof WriteTooLargeError)
      throw new ApiError(413, 'batch-too-large', error.message, [{ path: '/reviews', bytes: error.bytes, limit: error.limit }]);
    if (!(error instanceof IngestUnavailableError)) throw error;
    const unknown = error.outcome === 'unknown';
    const message = `${error.message}. ${unknown ? ambiguity[kind] : 'Nothing was stored; send it again in a moment.'}`;
    throw new ApiError(503, 'kafka-unavailable', message, [{ stored: unknown ? 'unknown' : 'no', retry: 'safe with the same id' }], {
      'retry-after': '1',
    });
  }
}

type ItemResult = { index: number; id?: string; status: 202 } | { index: number; id?: string; status: 400; errors: FieldIssue[] };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The reviews of `{"reviews": [...]}` or of a bare array, with the JSON pointer of the list. */
function batchItems(body: unknown): { items: unknown[]; pointer: string } {
  if (Array.isArray(body)) return { items: body, pointer: '' };
  const invalid = (path: string, message: string) =>
    new ApiError(400, 'invalid-batch', 'Send {"reviews": [...]} or a JSON array of reviews.', [{ path, message }]);
  if (!isObject(body)) throw invalid('', 'must be a JSON object {"reviews": [...]} or an array');
  const unknownKey = Object.keys(body).find((key) => key !== 'reviews');
  if (unknownKey !== undefined) throw invalid(`/${unknownKey}`, 'is not a field of a batch (only "reviews")');
  if (!Array.isArray(body.reviews)) throw invalid('/reviews', 'must be an array of reviews');
  return { items: body.reviews, pointer: '/reviews' };
}

export function reviewRoutes(app: FastifyInstance, ingest: ReviewIngest, clock: () => number = Date.now): void {
  app.post('/api/reviews', async (request, reply) => {
    const parsed = parseReview(request.body, clock());
    if (!parsed.ok) throw new ApiError(400, 'invalid-review', 'The review has invalid fields.', parsed.issues);
    await durably('review', () => ingest.put([parsed.review]));
    return reply.status(202).send({ id: parsed.review.id });
  });

  app.delete<{ Params: { id: string } }>('/api/reviews/:id', async (request, reply) => {
    const { id } = request.params;
    const checked = reviewIdSchema.safeParse(id);
    if (!checked.success)
      throw new ApiError(
        400,
        'invalid-review-id',
        'No review can have this id: an id has 1 to 64 characters and no control characters.',
        checked.error.issues.map((issue) => ({ path: '/id', message: issue.message })),
      );
    await durably('delete', () => ingest.remove(id));
    return reply.status(202).send({ id, deleted: true });
  });

  // `::` is a literal colon in the route syntax: the path is /api/reviews:batch.
  // Every item is checked before anything is written; the valid ones go in one write, all of them or none.
  app.post('/api/reviews::batch', { bodyLimit: BATCH_BODY_LIMIT }, async (request, reply) => {
    const { items, pointer } = batchItems(request.body);
    if (items.length === 0 || items.length > MAX_BATCH)
      throw new ApiError(400, 'invalid-batch', `A batch holds 1 to ${MAX_BATCH} reviews; this one has ${items.length}.`, [
        { path: pointer || '/', message: `must hold 1 to ${MAX_BATCH} items` },
      ]);
    const now = clock();
    const results: ItemResult[] = [];
    const valid: Review[] = [];
    items.forEach((item, index) => {
      const parsed = parseReview(item, now);
      const id = isObject(item) && typeof item.id === 'string' ? item.id : undefined;
      if (parsed.ok) {
        valid.push(parsed.review);
        results.push({ index, id, status: 202 });
      } else results.push({ index, id, status: 400, errors: parsed.issues });
    });
    if (valid.length === 0) {
      const details = results.flatMap((result) =>
        result.status === 400
          ? result.errors.map((issue) => ({ path: `${pointer}/${result.index}${issue.path}`, message: issue.message }))
          : [],
      );
      throw new ApiError(400, 'invalid-batch', `None of the ${items.length} reviews is valid; nothing was written.`, details);
    }
    await durably('batch', () => ingest.put(valid));
    return reply
      .status(valid.length === items.length ? 202 : 207)
      .send({ accepted: valid.length, rejected: items.length - valid.length, results });
  });
}
