import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventTimeParts, formatEventTime, instantOf } from '../testing/event-times.ts';
import { eventTimeSchema } from './event-time.ts';

describe('an accepted createdAt', () => {
  it('is the instant its fields name, read the same by Date.parse, inside 1970..9999, and printed back by toISOString', () => {
    let accepted = 0;
    fc.assert(
      fc.property(eventTimeParts, (parts) => {
        const text = formatEventTime(parts);
        if (!eventTimeSchema.safeParse(text).success) return;
        accepted++;
        const instant = Date.parse(text);
        expect(instant).toBe(instantOf(parts));
        expect(instant).toBeGreaterThanOrEqual(0);
        expect(Date.parse(new Date(instant).toISOString())).toBe(instant);
        expect(new Date(instant).toISOString()).toMatch(/^\d{4}-/);
      }),
      { seed: 17, numRuns: 5000 },
    );
    expect(accepted).toBeGreaterThan(1000);
  });

  it('is refused when a field is off the clock or the calendar, however Date.parse would read it', () => {
    fc.assert(
      fc.property(eventTimeParts, (parts) => {
        const { year, month, day, hour, minute, second, zone } = parts;
        const daysInMonth = new Date(Date.UTC(2000, month, 0)).getUTCDate();
        const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
        const monthDays = month === 2 ? (leap ? 29 : 28) : daysInMonth;
        const impossible =
          month < 1 ||
          month > 12 ||
          day < 1 ||
          day > monthDays ||
          hour > 23 ||
          minute > 59 ||
          second > 59 ||
          (zone !== 'Z' && (zone.minutes > 59 || zone.hours * 60 + zone.minutes > 15 * 60 + 59));
        if (impossible) expect(eventTimeSchema.safeParse(formatEventTime(parts)).success).toBe(false);
      }),
      { seed: 18, numRuns: 5000 },
    );
  });
});
