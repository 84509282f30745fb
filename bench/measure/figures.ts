export interface Figure {
  name: string;
  unit: string;
  median: number;
  min: number;
  max: number;
  runs: number;
  /** What qualifies the figure: not sustained, a lower bound, a share of a ceiling. */
  note?: string;
}

export function summarise(name: string, unit: string, values: number[], note?: string): Figure {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return { name, unit, median, min: sorted[0] ?? 0, max: sorted.at(-1) ?? 0, runs: values.length, ...(note ? { note } : {}) };
}
