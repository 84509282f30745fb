// The review's createdAt: an ISO-8601 instant that PostgreSQL's timestamptz (the batch SQL casts the column),
// JavaScript's Date.parse (the stream) and Kafka's record timestamps (never negative) all read as the same
// millisecond. Outside it, `sluice batch`/`verify` fail on the whole table and the stream and the batch disagree.
import { z } from 'zod';

export const EARLIEST_EVENT_TIME = '1970-01-01T00:00:00Z';
export const LATEST_EVENT_TIME = '9999-12-31T23:59:59.999Z';
const earliest = Date.parse(EARLIEST_EVENT_TIME);
const latest = Date.parse(LATEST_EVENT_TIME);
/** PostgreSQL refuses a displacement of 16 hours or more ("time zone displacement out of range"). */
const MAX_OFFSET_MINUTES = 15 * 60 + 59;

const SHAPE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.(\d+))?(Z|([+-])(\d{2}):(\d{2}))$/;

function problemIn(text: string): string | undefined {
  const parts = SHAPE.exec(text);
  if (!parts) return undefined; // the shape is zod's own check, with its own message
  const [, fraction, zone, , hours, minutes] = parts;
  if (fraction !== undefined && fraction.length > 3) return 'must have at most 3 digits of fractional seconds (milliseconds)';
  if (zone !== 'Z' && Number(hours) * 60 + Number(minutes) > MAX_OFFSET_MINUTES) return 'must have a UTC offset within ±15:59';
  const instant = Date.parse(text);
  if (Number.isNaN(instant)) return undefined; // not a time on a clock (23:59:60): zod's check says so
  if (!(instant >= earliest && instant <= latest)) return `must be between ${EARLIEST_EVENT_TIME} and ${LATEST_EVENT_TIME}`;
  return undefined;
}

export const eventTimeSchema = z.iso
  .datetime({
    offset: true,
    error: 'must be an ISO-8601 date and time that exists, with a zone: like 2026-11-25T10:00:00Z or 2026-11-25T11:00:00+01:00',
  })
  .superRefine((text, context) => {
    const problem = problemIn(text);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });
