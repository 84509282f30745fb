// A course review as the website posts it: the record the default pipeline is built around.
import { z } from 'zod';

/** How far in the future a review's createdAt may be (clocks drift a little). */
export const MAX_FUTURE_MS = 5 * 60 * 1000;

const halfStep = (rating: number) => Number.isInteger(rating * 2);

export const reviewSchema = z
  .object({
    id: z.string().min(1).max(64).describe('The review id; posting the same id again is an edit.'),
    courseId: z.string().min(1).max(64).describe('The course the review is about.'),
    courseTitle: z.string().max(200).optional().describe('The course title, for display.'),
    userId: z.string().min(1).max(64).describe('Who wrote the review.'),
    rating: z.number().min(0.5).max(5).refine(halfStep, 'must be a multiple of 0.5').describe('From 0.5 to 5 in steps of 0.5.'),
    title: z.string().max(200).optional().describe('A short headline.'),
    content: z.string().max(10_000).optional().describe('The review text.'),
    createdAt: z.iso.datetime({ offset: true }).describe('When it was written (ISO-8601 with a zone): the event time.'),
  })
  .strict();

export type Review = z.infer<typeof reviewSchema>;

export interface FieldIssue {
  path: string;
  message: string;
}

/** Parses a review as of `now`: one issue per bad field, with JSON-pointer paths. */
export function parseReview(input: unknown, now: number): { ok: true; review: Review } | { ok: false; issues: FieldIssue[] } {
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
