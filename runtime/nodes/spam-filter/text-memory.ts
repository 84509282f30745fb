import type { KeyValueStore } from '../../engine/store.ts';
import type { Posting, TextMemory } from './duplicate-text.ts';

// The duplicate stage's `texts` store holds two kinds of entry:
//   text:<key>            → TextMemory, the text's last postings and when it was last posted;
//   time:<at>:<key>       → 0, an index by expiry time, so forgetting costs a range read of what is due,
//                           never a scan of everything remembered.
// Expiry times are rounded up to a bucket, so a text posted many times within one bucket moves its index entry
// once. Keys without either prefix were written by an older version (a bare hash → first review id) and are
// deleted by the first sweeps.
const TEXT = 'text:';
const TIME = 'time:';
const TIME_DIGITS = 15;

const HOUR = 3_600_000;

/** How finely expiry is tracked: a 24th of the memory, between a second and an hour (30 days → 1 hour). */
export function expiryBucketMs(rememberMs: number): number {
  return Math.min(HOUR, Math.max(1000, Math.round(rememberMs / 24)));
}

const timeKey = (at: number, key: string) => `${TIME}${String(at).padStart(TIME_DIGITS, '0')}:${key}`;

function isTextMemory(value: unknown): value is TextMemory {
  return typeof value === 'object' && value !== null && 'seen' in value && 'posts' in value && Array.isArray(value.posts);
}

/** The texts the duplicate rule remembers, each forgotten `rememberMs` after it was last posted. */
export class TextMemoryStore {
  private readonly bucketMs: number;
  /** The entry postsOf just read: remember, called next for the same text, need not read it again. */
  private lastRead: { key: string; memory: TextMemory | undefined } | undefined;

  constructor(
    private readonly store: KeyValueStore,
    private readonly rememberMs: number,
  ) {
    this.bucketMs = expiryBucketMs(rememberMs);
  }

  private expiryOf(seen: number): number {
    return Math.ceil((seen + this.rememberMs) / this.bucketMs) * this.bucketMs;
  }

  private memoryOf(key: string): TextMemory | undefined {
    const value = this.store.get(TEXT + key);
    return isTextMemory(value) ? value : undefined;
  }

  /** The text's remembered postings; none when it was never posted or is already past its memory. */
  postsOf(key: string, now: number): Posting[] {
    const memory = this.memoryOf(key);
    this.lastRead = { key, memory };
    return memory && memory.seen + this.rememberMs > now ? memory.posts : [];
  }

  /** Remembers the text's postings as of `now`; returns when the text is next due to be forgotten. */
  remember(key: string, posts: Posting[], now: number): number {
    const previous = this.lastRead?.key === key ? this.lastRead.memory : this.memoryOf(key);
    this.lastRead = undefined;
    const seen = Math.max(previous?.seen ?? now, now);
    const due = this.expiryOf(seen);
    const previousDue = previous ? this.expiryOf(previous.seen) : undefined;
    if (previousDue !== due) {
      if (previousDue !== undefined) this.store.delete(timeKey(previousDue, key));
      this.store.put(timeKey(due, key), 0);
    }
    this.store.put(TEXT + key, { seen, posts });
    return due;
  }

  /**
   * Forgets up to `limit` texts that are due at `now` (and up to `limit` entries of an older version). Returns
   * when to sweep next: soon if there is more to do now, else the next text's expiry; undefined when nothing is
   * remembered.
   */
  sweep(now: number, limit: number): number | undefined {
    this.lastRead = undefined;
    const due = take(this.store.range(TIME, timeKey(now + 1, '')), limit);
    for (const [indexKey] of due) {
      const key = indexKey.slice(TIME.length + TIME_DIGITS + 1);
      const memory = this.memoryOf(key);
      if (memory === undefined || this.expiryOf(memory.seen) <= now) this.store.delete(TEXT + key);
      this.store.delete(indexKey);
    }
    const legacy = take(this.store.range(undefined, TEXT), limit);
    for (const [key] of legacy) this.store.delete(key);
    if (due.length === limit || legacy.length === limit) return now + 1000;
    return this.nextDue();
  }

  /** When the first remembered text is due, or now-ish if entries of an older version are waiting to be deleted. */
  nextDue(now?: number): number | undefined {
    if (now !== undefined && take(this.store.range(undefined, TEXT), 1).length > 0) return now;
    const [first] = take(this.store.range(TIME), 1);
    return first ? Number(first[0].slice(TIME.length, TIME.length + TIME_DIGITS)) : undefined;
  }
}

function take<T>(entries: Iterable<T>, limit: number): T[] {
  const taken: T[] = [];
  for (const entry of entries) {
    if (taken.length >= limit) break;
    taken.push(entry);
  }
  return taken;
}
