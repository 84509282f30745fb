// Date-time strings around and beyond what a review's createdAt accepts: impossible dates, leap days, 24:00,
// leap seconds, long fractions, offsets up to ±24:59, years 0000 to 9999, lower-case letters. Property tests
// check that whatever the schema accepts means the same millisecond everywhere.
import fc from 'fast-check';

const digits = (value: number, width: number) => String(value).padStart(width, '0');

export interface EventTimeParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  fraction: string;
  zone: { sign: '+' | '-'; hours: number; minutes: number } | 'Z';
}

const part = (low: number, high: number, wide: [number, number]) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: low, max: high }) },
    { weight: 1, arbitrary: fc.integer({ min: wide[0], max: wide[1] }) },
  );

export const eventTimeParts: fc.Arbitrary<EventTimeParts> = fc.record({
  year: fc.oneof(fc.integer({ min: 1969, max: 2100 }), fc.integer({ min: 0, max: 9999 }), fc.constantFrom(0, 1, 1970, 9999)),
  month: part(1, 12, [0, 13]),
  day: part(1, 28, [0, 32]),
  hour: part(0, 23, [0, 25]),
  minute: part(0, 59, [0, 60]),
  second: part(0, 59, [0, 61]),
  fraction: fc.oneof(fc.constant(''), fc.stringMatching(/^[0-9]{1,3}$/), fc.stringMatching(/^[0-9]{4,9}$/)),
  zone: fc.oneof(
    fc.constant('Z' as const),
    fc.record({ sign: fc.constantFrom('+' as const, '-' as const), hours: part(0, 15, [0, 24]), minutes: part(0, 59, [0, 60]) }),
  ),
});

export function formatEventTime(parts: EventTimeParts): string {
  const { year, month, day, hour, minute, second, fraction, zone } = parts;
  const offset = zone === 'Z' ? 'Z' : `${zone.sign}${digits(zone.hours, 2)}:${digits(zone.minutes, 2)}`;
  const date = `${digits(year, 4)}-${digits(month, 2)}-${digits(day, 2)}`;
  return `${date}T${digits(hour, 2)}:${digits(minute, 2)}:${digits(second, 2)}${fraction ? `.${fraction}` : ''}${offset}`;
}

/** The instant the parts name, computed field by field (not by Date.parse): what every reader must agree on. */
export function instantOf(parts: EventTimeParts): number {
  const { year, month, day, hour, minute, second, fraction, zone } = parts;
  const local = new Date(0);
  local.setUTCFullYear(year, month - 1, day);
  local.setUTCHours(hour, minute, second, Number(fraction.padEnd(3, '0').slice(0, 3)));
  const offsetMinutes = zone === 'Z' ? 0 : (zone.sign === '+' ? 1 : -1) * (zone.hours * 60 + zone.minutes);
  return local.getTime() - offsetMinutes * 60_000;
}

export const eventTimeStrings: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: eventTimeParts.map(formatEventTime) },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: true }).map((date) => date.toISOString()) },
  { weight: 1, arbitrary: eventTimeParts.map((parts) => formatEventTime(parts).toLowerCase()) },
  { weight: 1, arbitrary: fc.string() },
);
