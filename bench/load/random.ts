// Seeded randomness for reproducible load: the same seed gives the same traffic.

/** The same seeded generator the spam filter's splits use (mulberry32). */
export { mulberry32 as seededRandom } from '../../shared/nodes/spam-filter/split.ts';

/** Draws ranks 0..n-1 with probability proportional to 1/(rank+1)^s: a few very popular items, a long tail. */
export function zipf(n: number, s: number, random: () => number): () => number {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let rank = 0; rank < n; rank++) {
    total += 1 / (rank + 1) ** s;
    cumulative[rank] = total;
  }
  return () => {
    const target = random() * total;
    let low = 0;
    let high = n - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((cumulative[middle] ?? 0) < target) low = middle + 1;
      else high = middle;
    }
    return low;
  };
}

/** Picks from weighted choices. */
export function weighted<T>(choices: readonly (readonly [T, number])[], random: () => number): () => T {
  const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
  return () => {
    let target = random() * total;
    for (const [choice, weight] of choices) {
      target -= weight;
      if (target < 0) return choice;
    }
    const last = choices.at(-1);
    if (!last) throw new Error('weighted() needs at least one choice');
    return last[0];
  };
}
