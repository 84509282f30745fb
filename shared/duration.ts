// Durations in pipeline configs are short strings ("500ms", "30s", "90d") so pipelines stay readable.
import { z } from 'zod';

const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;

type DurationUnit = keyof typeof UNIT_MS;

const DURATION_PATTERN = /^([0-9]{1,15})(ms|s|m|h|d|w)$/;

/** Milliseconds in `text`, or undefined when it is not a duration (or too long to count in milliseconds exactly). */
export function parseDuration(text: string): number | undefined {
  const match = DURATION_PATTERN.exec(text);
  if (!match) return undefined;
  const unit = match[2] as DurationUnit;
  const ms = Number(match[1]) * UNIT_MS[unit];
  return Number.isSafeInteger(ms) ? ms : undefined;
}

/** Formats milliseconds with the largest unit that divides them: 7_776_000_000 → "90d". */
export function formatDuration(ms: number): string {
  const units = Object.entries(UNIT_MS).sort(([, a], [, b]) => b - a);
  for (const [unit, size] of units) {
    if (ms !== 0 && ms % size === 0) return `${ms / size}${unit}`;
  }
  return `${ms}ms`;
}

// A plain pattern (no refinement) so the generated JSON Schema accepts exactly what zod accepts;
// zero and overlong durations are graph-level checks with better messages.
export const durationSchema = z
  .string()
  .regex(DURATION_PATTERN, 'must be a duration: a whole number and a unit, like 500ms, 30s, 15m, 1h, 90d or 2w')
  .describe('A duration: a whole number and a unit (ms, s, m, h, d, w), e.g. 30s or 90d.');

export type Duration = z.infer<typeof durationSchema>;
