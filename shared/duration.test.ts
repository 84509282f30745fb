import { describe, expect, it } from 'vitest';
import { durationSchema, formatDuration, parseDuration } from './duration.ts';

describe('durations', () => {
  it.each([
    ['500ms', 500],
    ['30s', 30_000],
    ['15m', 900_000],
    ['1h', 3_600_000],
    ['90d', 7_776_000_000],
    ['2w', 1_209_600_000],
    ['0s', 0],
  ])('reads %s as %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
    expect(durationSchema.safeParse(text).success).toBe(true);
  });

  it.each(['', '1', 'h', '1.5h', '-1s', '1 h', '1H', '1y', ' 1s'])('rejects %j', (text) => {
    expect(parseDuration(text)).toBeUndefined();
    expect(durationSchema.safeParse(text).success).toBe(false);
  });

  it('refuses durations too long to count in milliseconds exactly', () => {
    expect(parseDuration('999999999999999w')).toBeUndefined();
  });

  it('formats with the largest unit that fits exactly', () => {
    expect(formatDuration(7_776_000_000)).toBe('90d');
    expect(formatDuration(1_500)).toBe('1500ms');
    expect(formatDuration(0)).toBe('0ms');
    expect(parseDuration(formatDuration(3_600_000))).toBe(3_600_000);
  });
});
