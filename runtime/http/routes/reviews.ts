// The website's side: reviews in. A 2xx means the review is durable in Kafka.
import type { FastifyInstance } from 'fastify';
import { parseReview, type Review, reviewIdSchema } from '../../../shared/api/review.ts';
import { IngestUnavailableError, type ReviewIngest } from '../../control/review-ingest.ts';
import { ApiError } from '../errors.ts';

const MAX_BATCH = 1000;

async function durably(write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (error instanceof IngestUnavailableError) throw new ApiError(503, 'kafka-unavailable', error.message);
    throw error;
  }
}

type ItemResult =
  | { index: number; id?: string; status: 202 }
  | { index: number; id?: string; status: 400; errors: { path: string; message: string }[] };

export function reviewRoutes(app: FastifyInstance, ingest: ReviewIngest, clock: () => number = Date.now): void {
  app.post('/api/reviews', async (request, reply) => {
    const parsed = parseReview(request.body, clock());
    if (!parsed.ok) throw new ApiError(400, 'invalid-review', 'The review has invalid fields.', parsed.issues);
    await durably(() => ingest.put([parsed.review]));
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
    await durably(() => ingest.remove(id));
    return reply.status(202).send({ id, deleted: true });
  });

  // `::` is a literal colon in the route syntax: the path is /api/reviews:batch.
  app.post('/api/reviews::batch', { bodyLimit: 16 * 1024 * 1024 }, async (request, reply) => {
    const body = request.body as { reviews?: unknown } | unknown[];
    const items = Array.isArray(body) ? body : (body as { reviews?: unknown }).reviews;
    if (!Array.isArray(items))
      throw new ApiError(400, 'invalid-batch', 'Send {"reviews": [...]} or a JSON array of reviews.', [
        { path: '/reviews', message: 'must be an array' },
      ]);
    if (items.length === 0 || items.length > MAX_BATCH)
      throw new ApiError(400, 'invalid-batch', `A batch holds 1 to ${MAX_BATCH} reviews; this one has ${items.length}.`, [
        { path: '/reviews', message: `must hold 1 to ${MAX_BATCH} items` },
      ]);
    const now = clock();
    const results: ItemResult[] = [];
    const valid: Review[] = [];
    items.forEach((item, index) => {
      const parsed = parseReview(item, now);
      const id = typeof (item as { id?: unknown })?.id === 'string' ? (item as { id: string }).id : undefined;
      if (parsed.ok) {
        valid.push(parsed.review);
        results.push({ index, id, status: 202 });
      } else results.push({ index, id, status: 400, errors: parsed.issues });
    });
    if (valid.length > 0) await durably(() => ingest.put(valid));
    return reply
      .status(valid.length === items.length ? 202 : 207)
      .send({ accepted: valid.length, rejected: items.length - valid.length, results });
  });
}
