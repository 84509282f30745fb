import { hashTextTwice } from '../../engine/partitioner.ts';
import { describeDuration, describeWhen, listBriefly, ordinal, type SpamReason } from './reason.ts';
import { signalsOf, type TextInput } from './signals.ts';

/**
 * How the duplicate rule judges a text seen before, as a moderator would:
 *   - the same text from the same user under another review id is a copy, whatever its length;
 *   - a long text (at least `minWords` words) from another user is a copy: people do not write the same
 *     paragraph twice by chance;
 *   - a short text ("Good", "Great course") from other users is fine, unless `burst.users` different users post it
 *     within `burst.withinMs` of each other (by the reviews' own times): that is a campaign, not a coincidence.
 * What it remembers is bounded: per text its last MAX_POSTINGS postings, and a text is forgotten `rememberMs`
 * after it was last posted (text-memory.ts).
 */
export interface DuplicateTextOptions {
  minWords: number;
  rememberMs: number;
  burst: { users: number; withinMs: number };
}

/** Postings kept per text: enough for any burst the config allows (burst.users is at most this). */
export const MAX_POSTINGS = 16;

/** One review that posted the text: its id, its author (null when the record has none) and its event time. */
export interface Posting {
  id: string;
  user: string | null;
  t: number;
}

/** What the store keeps per text: when it was last posted (the driver's clock) and its last postings, in arrival order. */
export interface TextMemory {
  seen: number;
  posts: Posting[];
}

/**
 * The store key for a text and its length in words, or undefined for a text with no words. Case, accents,
 * punctuation and spacing are ignored so a copy cannot hide behind them; hashing keeps keys small whatever the
 * text's length. Two 53-bit hashes with different seeds (no node:crypto, so the filter also runs in the designer's
 * preview): two different texts share a key with odds of about 1e-20 over a million texts.
 */
export function duplicateTextKey(input: TextInput): { key: string; words: number } | undefined {
  const signals = signalsOf(input);
  const words = signals.words;
  if (words.length === 0) return undefined;
  const normalised = signals.wordText;
  return { key: hashTextTwice(normalised), words: words.length };
}

export interface DuplicateJudgement {
  /** The postings to keep for the text, this one included. */
  posts: Posting[];
  reason: SpamReason | undefined;
}

/** The earlier postings this one is compared with: those that arrived before it first did (a replay changes nothing). */
function earlier(posts: readonly Posting[], id: string): Posting[] {
  const index = posts.findIndex((post) => post.id === id);
  return index < 0 ? [...posts] : posts.slice(0, index);
}

function remember(posts: readonly Posting[], posting: Posting): Posting[] {
  const index = posts.findIndex((post) => post.id === posting.id);
  if (index >= 0) return posts.map((post, i) => (i === index ? posting : post));
  return [...posts, posting].slice(-MAX_POSTINGS);
}

const sameUser = (a: Posting, b: Posting) => a.user !== null && a.user === b.user;

function copyReason(kind: 'copy' | 'same-user', posting: Posting, other: Posting): SpamReason {
  const gapMs = posting.t - other.t;
  const who = kind === 'same-user' ? ' by the same user' : other.user === null ? '' : ' by another user';
  return {
    rule: 'duplicateText',
    detail: `same text as review ${other.id}${who} ${describeWhen(gapMs)}`,
    kind,
    reviewIds: [other.id],
    gapMs,
  };
}

function burstReason(posting: Posting, others: Posting[], options: DuplicateTextOptions): SpamReason {
  const ids = others.map((other) => other.id);
  const first = Math.min(...others.map((other) => other.t));
  return {
    rule: 'duplicateText',
    detail: `the ${ordinal(others.length + 1)} review with this short text from a different user within ${describeDuration(options.burst.withinMs)} (also ${listBriefly(ids)})`,
    kind: 'burst',
    reviewIds: ids,
    gapMs: posting.t - first,
  };
}

/** Judges one posting of a text against what is remembered of it, and says what to remember now. */
export function judgePosting(
  remembered: readonly Posting[],
  posting: Posting,
  words: number,
  options: DuplicateTextOptions,
): DuplicateJudgement {
  const before = earlier(remembered, posting.id);
  const posts = remember(remembered, posting);
  const mine = before.filter((other) => sameUser(other, posting)).at(-1);
  if (mine) return { posts, reason: copyReason('same-user', posting, mine) };
  const others = before.filter((other) => !sameUser(other, posting));
  const original = others[0];
  if (words >= options.minWords && original) return { posts, reason: copyReason('copy', posting, original) };
  // One posting per other user in the burst: a user posting twice was judged above.
  const inBurst = new Map<string, Posting>();
  for (const other of others) {
    if (Math.abs(other.t - posting.t) > options.burst.withinMs) continue;
    inBurst.set(other.user ?? `review ${other.id}`, other);
  }
  if (inBurst.size + 1 >= options.burst.users) return { posts, reason: burstReason(posting, [...inBurst.values()], options) };
  return { posts, reason: undefined };
}
