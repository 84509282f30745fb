// Realistic review traffic, seeded and reproducible: popular and obscure courses,
// a few prolific users, skewed ratings, real texts, spam, duplicates, edits,
// deletes, and event times spread over a period, out of order and sometimes late.
import { type Review, reviewRecord } from '../../shared/api/review.ts';
import { seededRandom, weighted, zipf } from './random.ts';

export interface TextSource {
  ham: readonly string[];
  spam: readonly string[];
}

export type LoadOperation =
  | { kind: 'put'; review: Review; label: 'new' | 'spam' | 'duplicate' | 'edit' | 'late' }
  | { kind: 'delete'; id: string; label: 'delete' };

export interface TrafficOptions {
  seed: number;
  count: number;
  courses: number;
  users: number;
  /** Event times of new reviews spread over [from, to]. */
  from: Date;
  to: Date;
  spamShare: number;
  duplicateShare: number;
  editShare: number;
  deleteShare: number;
  lateShare: number;
  /** New reviews arrive up to this much out of event-time order. */
  disorderMs: number;
  texts: TextSource;
}

const DAY = 24 * 3600 * 1000;

export const defaultTraffic = (texts: TextSource, now = new Date()): TrafficOptions => ({
  seed: 42,
  count: 10_000,
  courses: 1000,
  users: 5000,
  from: new Date(now.getTime() - 2 * 365 * DAY),
  to: now,
  spamShare: 0.05,
  duplicateShare: 0.05,
  editShare: 0.03,
  deleteShare: 0.01,
  lateShare: 0.01,
  disorderMs: 6 * 3600 * 1000,
  texts,
});

// Course reviews lean positive, with a tail of disappointed ones.
const ratings = [
  [5, 30],
  [4.5, 18],
  [4, 20],
  [3.5, 10],
  [3, 8],
  [2.5, 4],
  [2, 4],
  [1.5, 2],
  [1, 3],
  [0.5, 1],
] as const;

const structuralSpam = [
  (text: string) => `${text} Visit http://cheap-courses.example/deal now!`,
  (text: string) => text.toUpperCase(),
  (text: string) => `${text} Call me on +44 7700 900123 or mail deals@spam.example`,
  () => 'GREAT COURSE!!!!!!!!!! BEST DEAL EVER, CLICK MY PROFILE',
];

/** The first 60 characters of a text as a title, cut between code points (never half an emoji: a lone surrogate the API refuses). */
export function titleOf(text: string): string {
  return Array.from(text).slice(0, 60).join('');
}

export function* generateTraffic(options: TrafficOptions): Generator<LoadOperation> {
  const random = seededRandom(options.seed);
  const course = zipf(options.courses, 1.1, random);
  const user = zipf(options.users, 1.2, random);
  const rating = weighted(ratings, random);
  const kind = weighted(
    [
      ['new', 1 - options.spamShare - options.duplicateShare - options.editShare - options.deleteShare - options.lateShare],
      ['spam', options.spamShare],
      ['duplicate', options.duplicateShare],
      ['edit', options.editShare],
      ['delete', options.deleteShare],
      ['late', options.lateShare],
    ] as const,
    random,
  );
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const span = options.to.getTime() - options.from.getTime();
  const live: Review[] = []; // reviews that exist, for duplicates, edits and deletes
  let serial = 0;

  const newReview = (i: number, late: boolean): Review => {
    const progress = options.from.getTime() + (span * i) / options.count;
    const jitter = (random() - 0.5) * options.disorderMs;
    const lateBy = late ? (30 + random() * 300) * DAY : 0;
    const createdAt = Math.min(options.to.getTime(), Math.max(options.from.getTime() - lateBy, progress + jitter - lateBy));
    const courseRank = course();
    return {
      id: `review-${options.seed}-${(serial++).toString(36)}`,
      courseId: `course-${String(courseRank).padStart(4, '0')}`,
      courseTitle: `Course ${courseRank}`,
      userId: `user-${user()}`,
      rating: rating(),
      title: titleOf(pick(options.texts.ham)),
      // Two texts joined: real reviews rarely repeat each other word for word (the spam filter flags copies).
      content: `${pick(options.texts.ham)} ${pick(options.texts.ham)}`,
      createdAt: new Date(createdAt).toISOString(),
    };
  };

  for (let i = 0; i < options.count; i++) {
    const what = live.length < 10 ? 'new' : kind();
    if (what === 'new' || what === 'late') {
      const review = newReview(i, what === 'late');
      live.push(review);
      yield { kind: 'put', review, label: what };
    } else if (what === 'spam') {
      const review = newReview(i, false);
      const text = random() < 0.6 ? pick(options.texts.spam) : pick(structuralSpam)(pick(options.texts.ham));
      yield { kind: 'put', review: { ...review, content: text, title: titleOf(text) }, label: 'spam' };
    } else if (what === 'duplicate') {
      yield { kind: 'put', review: pick(live), label: 'duplicate' };
    } else if (what === 'edit') {
      const index = Math.floor(random() * live.length);
      const before = live[index] as Review;
      const moved = random() < 0.2; // some edits move the review to another course
      const edited: Review = {
        ...before,
        rating: rating(),
        content: pick(options.texts.ham),
        ...(moved ? { courseId: `course-${String(course()).padStart(4, '0')}` } : {}),
      };
      live[index] = edited;
      yield { kind: 'put', review: edited, label: 'edit' };
    } else {
      const index = Math.floor(random() * live.length);
      const [removed] = live.splice(index, 1);
      if (removed) yield { kind: 'delete', id: removed.id, label: 'delete' };
    }
  }
}

/** The operations as a record writer takes them: a review keyed by its id, a delete as its id's tombstone. */
export function asWrites(
  operations: readonly ({ kind: 'put'; review: Review } | { kind: 'delete'; id: string })[],
): ({ put: { key: string; value: Record<string, unknown> } } | { remove: string })[] {
  return operations.map((op) => (op.kind === 'put' ? { put: reviewRecord(op.review) } : { remove: op.id }));
}
