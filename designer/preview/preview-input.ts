// The records a preview runs on: the bundled sample reviews, or JSON someone pasted. Each is keyed by its `id` (as
// the website's reviews are) and the fake clock stands just after the newest `createdAt`, so windows such as "last
// 90 days" count the sample the way they would have when it was written.
import type { MemoryInput } from '../../shared/engine/memory-driver.ts';
import type { PreviewInput } from './preview-types.ts';
import sampleReviews from './sample-reviews.json';

export type RecordValue = Record<string, unknown>;

export const SAMPLE_REVIEWS: readonly RecordValue[] = sampleReviews;

const CLOCK_AFTER_NEWEST_MS = 60_000;

export function previewInput(values: readonly RecordValue[], now = Date.now()): PreviewInput {
  const times = values.map((value) => Date.parse(String(value.createdAt))).filter(Number.isFinite);
  const clock = times.length > 0 ? Math.max(...times) + CLOCK_AFTER_NEWEST_MS : now;
  const records: MemoryInput[] = values.map((value) => ({
    key: typeof value.id === 'string' ? value.id : null,
    value,
    timestamp: clock,
  }));
  return { records, clock };
}

/** Pasted text as records: a JSON array of objects, or one object per line. */
export function parsePasted(text: string): { ok: true; values: RecordValue[] } | { ok: false; message: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: 'Paste a JSON array of records, or one JSON object per line.' };
  try {
    const parsed: unknown = trimmed.startsWith('[')
      ? JSON.parse(trimmed)
      : trimmed
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line));
    const values = Array.isArray(parsed) ? parsed : [];
    const notObject = values.findIndex((value) => typeof value !== 'object' || value === null || Array.isArray(value));
    if (notObject >= 0) return { ok: false, message: `Record ${notObject + 1} is not a JSON object.` };
    return { ok: true, values: values as RecordValue[] };
  } catch (error) {
    return { ok: false, message: `Not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
}
