/** mulberry32: a tiny seeded generator, so a split is the same on every run and machine. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SplitOptions {
  /** Share of each stratum held out for testing, 0..1. */
  holdout: number;
  seed: number;
}

/**
 * Splits items into train and test so every stratum (e.g. corpus × label) keeps its share in
 * both: a small corpus or the rare class cannot end up all on one side by chance. Items keep
 * their original order within each side.
 */
export function stratifiedSplit<T>(items: readonly T[], stratumOf: (item: T) => string, options: SplitOptions): { train: T[]; test: T[] } {
  const random = mulberry32(options.seed);
  const strata = new Map<string, number[]>();
  items.forEach((item, index) => {
    const key = stratumOf(item);
    const members = strata.get(key);
    if (members === undefined) strata.set(key, [index]);
    else members.push(index);
  });
  const testIndexes = new Set<number>();
  // Strata in sorted order so the generator's draws do not depend on which stratum came first.
  for (const key of [...strata.keys()].sort()) {
    const indexes = [...(strata.get(key) ?? [])];
    for (let i = indexes.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [indexes[i], indexes[j]] = [indexes[j] as number, indexes[i] as number];
    }
    for (const index of indexes.slice(0, Math.round(indexes.length * options.holdout))) testIndexes.add(index);
  }
  return {
    train: items.filter((_, index) => !testIndexes.has(index)),
    test: items.filter((_, index) => testIndexes.has(index)),
  };
}
