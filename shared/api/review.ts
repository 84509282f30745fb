// A course review as the website posts it: the record the default pipeline is built around.
import { z } from 'zod';
import { EARLIEST_EVENT_TIME, eventTimeSchema, LATEST_EVENT_TIME } from './event-time.ts';
import { storableText } from './storable-text.ts';

/** How far in the future a review's createdAt may be (clocks drift a little). */
export const MAX_FUTURE_MS = 5 * 60 * 1000;

/** A review id: what POST writes and DELETE /api/reviews/:id names. */
export const reviewIdSchema = storableText({ min: 1, max: 64 }).describe('The review id; posting the same id again is an edit.');

const halfStep = (rating: number) => Number.isInteger(rating * 2);

export const reviewSchema = z
  .object({
    id: reviewIdSchema,
    courseId: storableText({ min: 1, max: 64 }).describe('The course the review is about.'),
    courseTitle: storableText({ max: 200 }).optional().describe('The course title, for display.'),
    userId: storableText({ min: 1, max: 64 }).describe('Who wrote the review.'),
    rating: z.number().min(0.5).max(5).refine(halfStep, 'must be a multiple of 0.5').describe('From 0.5 to 5 in steps of 0.5.'),
    title: storableText({ max: 200, allowBreaks: true }).optional().describe('A short headline.'),
    content: storableText({ max: 10_000, allowBreaks: true }).optional().describe('The review text.'),
    createdAt: eventTimeSchema.describe(
      `When it was written (ISO-8601 with a zone): the event time. At most millisecond precision, a UTC offset within ±15:59, ` +
        `from ${EARLIEST_EVENT_TIME} to ${LATEST_EVENT_TIME} and at most 5 minutes in the future.`,
    ),
  })
  .strict();

export type Review = z.infer<typeof reviewSchema>;

export interface FieldIssue {
  path: string;
  message: string;
}

/** Parses a review as of `now`: one issue per bad field, with JSON-pointer paths. */
export function parseReview(input: unknown, now: number): { ok: true; review: Review } | { ok: false; issues: FieldIssue[] } {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, issues: [{ path: '', message: 'must be a JSON object (a review)' }] };
  }
  const parsed = reviewSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => ({
        path: issue.path.length > 0 ? `/${issue.path.map(String).join('/')}` : pathOfUnknownKeys(issue),
        message: issue.message,
      })),
    };
  }
  const createdAt = Date.parse(parsed.data.createdAt);
  if (createdAt > now + MAX_FUTURE_MS) {
    return { ok: false, issues: [{ path: '/createdAt', message: 'must not be more than 5 minutes in the future' }] };
  }
  return { ok: true, review: parsed.data };
}

function pathOfUnknownKeys(issue: z.core.$ZodIssue): string {
  return issue.code === 'unrecognized_keys' && issue.keys[0] ? `/${issue.keys[0]}` : '';
}

/** A review as a keyed record: what POST /api/reviews writes to the reviews topic. */
export function reviewRecord(review: Review): { key: string; value: Record<string, unknown> } {
  return { key: review.id, value: review };
}
