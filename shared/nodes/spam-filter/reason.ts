/**
 * Why a rule flagged a review; spam records carry a list of these as `spamReasons`. Every reason has the rule's
 * name and a sentence a person reads (`detail`); the other fields say the same as data, for a UI that wants to
 * render them (a link, a review id, the words that weighed most).
 */
export type SpamReason =
  | { rule: 'links'; detail: string; links: string[]; maxLinks: number }
  | { rule: 'contacts'; detail: string; contacts: { kind: 'e-mail' | 'phone' | 'messenger'; text: string }[] }
  | { rule: 'blocklist'; detail: string; terms: string[] }
  | { rule: 'shouting'; detail: string; capitalsPercent?: number; repeated?: { char: string; times: number } }
  | {
      rule: 'duplicateText';
      detail: string;
      kind: 'copy' | 'same-user' | 'burst';
      /** The earlier review(s) with the same text; for a burst, the others in it. */
      reviewIds: string[];
      /** This review's time minus the earlier one's, ms (negative: the earlier-read one is dated later). */
      gapMs: number;
    }
  | { rule: 'velocity'; detail: string; reviews: number; withinMs: number; maxReviews: number }
  | {
      rule: 'classifier';
      detail: string;
      score: number;
      threshold: number;
      /** The features that pushed the score up most, with their weight in the log-odds. */
      pushedBy: { feature: string; weight: number }[];
    };

export type SpamRule = SpamReason['rule'];

/** "a", "a and b", "a, b and c". */
export function joinWithAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Lists matches briefly: reasons end up in records and logs, so they stay short. */
export function listBriefly(items: readonly string[], max = 3): string {
  const shown = items.slice(0, max).map((item) => (item.length > 40 ? `${item.slice(0, 37)}...` : item));
  const rest = items.length - shown.length;
  return rest > 0 ? `${shown.join(', ')} and ${rest} more` : joinWithAnd(shown);
}

const UNITS: [name: string, ms: number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
];

/** "1 hour", "10 minutes", "90 seconds": a duration as people say it (the largest unit it is a whole number of). */
export function describeDuration(ms: number): string {
  for (const [name, size] of UNITS) {
    if (ms >= size && ms % size === 0) return plural(ms / size, name);
  }
  return `${ms} ms`;
}

/** "3 days", "2 minutes", "45 seconds": a gap rounded to the unit that reads best. */
export function describeGap(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < 1000) return 'less than a second';
  if (abs < 59_500) return plural(Math.round(abs / 1000), 'second');
  if (abs < 59.5 * 60_000) return plural(Math.round(abs / 60_000), 'minute');
  if (abs < 47.5 * 3_600_000) return plural(Math.round(abs / 3_600_000), 'hour');
  return plural(Math.round(abs / 86_400_000), 'day');
}

/** When the earlier review was dated, seen from this one: "2 minutes ago", "3 days later", "at the same time". */
export function describeWhen(gapMs: number): string {
  if (Math.abs(gapMs) < 1000) return 'at the same time';
  return gapMs > 0 ? `${describeGap(gapMs)} ago` : `dated ${describeGap(gapMs)} later`;
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** 1st, 2nd, 3rd, 4th, 11th, 21st. */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}
