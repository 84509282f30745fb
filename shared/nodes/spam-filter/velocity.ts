import { describeDuration, ordinal, type SpamReason } from './reason.ts';

export interface VelocityOptions {
  maxReviews: number;
  withinMs: number;
}

/** Per user: their most recent reviews, with ids so a replayed review is not counted twice. */
export interface VelocityState {
  recent: { id: string; time: number }[];
}

export interface VelocityStep {
  state: VelocityState;
  /** Reviews by this user in the period ending at this review, this one included. */
  count: number;
  reason: SpamReason | undefined;
}

/**
 * Records one review and counts the user's reviews in (eventTime - within, eventTime]. The
 * state keeps at most maxReviews + 1 entries, the newest by event time: that is all a later
 * decision can need, so a prolific user's state stays small.
 */
export function velocityStep(
  state: VelocityState | undefined,
  review: { id: string; eventTime: number },
  options: VelocityOptions,
): VelocityStep {
  // A replay (or an edit) replaces the earlier entry for the same id instead of adding one.
  const others = (state?.recent ?? []).filter((entry) => entry.id !== review.id);
  const all = [...others, { id: review.id, time: review.eventTime }].sort((a, b) => a.time - b.time || a.id.localeCompare(b.id));
  const newest = all[all.length - 1]?.time ?? review.eventTime;
  const recent = all.filter((entry) => entry.time > newest - options.withinMs).slice(-(options.maxReviews + 1));
  const windowStart = review.eventTime - options.withinMs;
  const count = all.filter((entry) => entry.time > windowStart && entry.time <= review.eventTime).length;
  const reason: SpamReason | undefined =
    count > options.maxReviews
      ? {
          rule: 'velocity',
          detail: `the ${ordinal(count)} review by this user within ${describeDuration(options.withinMs)} (at most ${options.maxReviews} allowed)`,
          reviews: count,
          withinMs: options.withinMs,
          maxReviews: options.maxReviews,
        }
      : undefined;
  return { state: { recent }, count, reason };
}
