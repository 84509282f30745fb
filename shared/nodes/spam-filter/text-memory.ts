import type { KeyValueStore } from '../../engine/store.ts';
import type { Posting, TextMemory } from './duplicate-text.ts';

// The duplicate stage's `texts` store: `text:<key>` → TextMemory, the text's last postings and when it was last
// posted. A sweep walks the store in key order, a slice per timer, and deletes the texts past their memory, so a
// whole pass takes about an hour (a 24th of a shorter memory) however many texts there are: one write per review
// (no index to keep up to date), and a forgotten text is gone within a pass of its time. Keys without the prefix
// were written by an older version (a bare hash → the first review id, kept forever); the sweep deletes them too.
const TEXT = 'text:';
const HOUR = 3_600_000;

/** How long a whole sweep of the store takes: a 24th of the memory, between a second and an hour (30 days → 1 hour). */
export function sweepPassMs(rememberMs: number): number {
  return Math.min(HOUR, Math.max(1000, Math.round(rememberMs / 24)));
}

function isTextMemory(value: unknown): value is TextMemory {
  return typeof value === 'object' && value !== null && 'seen' in value && 'posts' in value && Array.isArray(value.posts);
}

/** The texts the duplicate rule remembers, each forgotten `rememberMs` after it was last posted. */
export class TextMemoryStore {
  readonly passMs: number;
  /** Where the current pass of the sweep has got to: the last key it looked at. */
  private cursor: string | undefined;
  /** The entry postsOf just read: remember, called next for the same text, need not read it again. */
  private lastRead: { key: string; memory: TextMemory | undefined } | undefined;

  constructor(
    private readonly store: KeyValueStore,
    private readonly rememberMs: number,
    /** Entries a sweep looks at per timer, at most: a sweep never holds the task up for long. */
    private readonly sliceSize = 5000,
  ) {
    this.passMs = sweepPassMs(rememberMs);
  }

  private memoryOf(key: string): TextMemory | undefined {
    const value = this.store.get(TEXT + key);
    return isTextMemory(value) ? value : undefined;
  }

  /** The text's remembered postings; none when it was never posted or is past its memory (swept or not). */
  postsOf(key: string, now: number): Posting[] {
    const memory = this.memoryOf(key);
    this.lastRead = { key, memory };
    return memory && memory.seen + this.rememberMs > now ? memory.posts : [];
  }

  /** Remembers the text's postings as of `now` (a clock that steps back never shortens a memory). */
  remember(key: string, posts: Posting[], now: number): void {
    const previous = this.lastRead?.key === key ? this.lastRead.memory : this.memoryOf(key);
    this.lastRead = undefined;
    this.store.put(TEXT + key, { seen: Math.max(previous?.seen ?? now, now), posts });
  }

  /**
   * Looks at the next slice of entries, deletes those past their memory (and those of an older version), and
   * says when to look at the next one: soon enough that a pass takes `passMs`; undefined when the store is empty.
   */
  sweep(now: number): number | undefined {
    this.lastRead = undefined;
    const slice: [string, unknown][] = [];
    for (const entry of this.store.range(this.cursor === undefined ? undefined : `${this.cursor}\u0000`)) {
      if (slice.length >= this.sliceSize) break;
      slice.push(entry);
    }
    for (const [key, value] of slice) {
      const expired = !key.startsWith(TEXT) || !isTextMemory(value) || value.seen + this.rememberMs <= now;
      if (expired) this.store.delete(key);
    }
    const finishedPass = slice.length < this.sliceSize;
    this.cursor = finishedPass ? undefined : slice.at(-1)?.[0];
    const remembered = this.store.size();
    if (remembered === 0) return undefined;
    const slicesPerPass = Math.ceil(remembered / this.sliceSize);
    return now + Math.max(1000, Math.floor(this.passMs / slicesPerPass));
  }
}
