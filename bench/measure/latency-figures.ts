// End-to-end latency figures from probe samples: per measurement window, and
// whether the rate was sustained (every probe seen, the rate reached, and latency
// not climbing through the run, which is what a growing backlog looks like).
import { type LatencySummary, percentile, summariseLatencies } from './percentiles.ts';

export interface ProbeSample {
  /** When POST /api/reviews answered 202. */
  sentAt: number;
  /** Until GET /api/courses/:id/stats showed the review; undefined if it did not within the timeout. */
  latencyMs?: number;
  /** Until the bench saw the review's course in course-stats (the API confirms after that). */
  topicMs?: number;
}

export interface LatencyWindow extends LatencySummary {
  timedOut: number;
}

/** Consecutive windows of `windowMs` from `from`; a timed-out probe counts as `timeoutMs` (so figures are lower bounds then). */
export function latencyWindows(
  samples: readonly ProbeSample[],
  from: number,
  windowMs: number,
  count: number,
  timeoutMs: number,
): LatencyWindow[] {
  return Array.from({ length: count }, (_, i) => {
    const inside = samples.filter((s) => s.sentAt >= from + i * windowMs && s.sentAt < from + (i + 1) * windowMs);
    return {
      ...summariseLatencies(inside.map((s) => s.latencyMs ?? timeoutMs)),
      timedOut: inside.filter((s) => s.latencyMs === undefined).length,
    };
  });
}

export interface Sustained {
  sustained: boolean;
  reason?: string;
}

/**
 * Sustained: the achieved rate is within 5% of the target, no probe timed out, and the
 * median latency of the last third of the probes is not more than twice (plus 100 ms)
 * that of the first third.
 */
export function judgeSustained(samples: readonly ProbeSample[], targetRate: number, achievedRate: number, timeoutMs: number): Sustained {
  if (achievedRate < 0.95 * targetRate) return { sustained: false, reason: `only ${Math.round(achievedRate)}/s could be sent` };
  const timedOut = samples.filter((s) => s.latencyMs === undefined).length;
  if (timedOut > 0) return { sustained: false, reason: `${timedOut} of ${samples.length} probes not seen within ${timeoutMs / 1000} s` };
  const ordered = [...samples].sort((a, b) => a.sentAt - b.sentAt).map((s) => s.latencyMs ?? timeoutMs);
  const third = Math.floor(ordered.length / 3);
  if (third === 0) return { sustained: true };
  const early = percentile(ordered.slice(0, third), 50);
  const late = percentile(ordered.slice(-third), 50);
  if (late > 2 * early + 100)
    return { sustained: false, reason: `latency climbs (median ${Math.round(early)} → ${Math.round(late)} ms): a backlog grows` };
  return { sustained: true };
}
