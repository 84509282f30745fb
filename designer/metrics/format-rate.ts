/** Records per second, short: 0, 4.2, 37, 1.2k. */
export function formatRate(rate: number): string {
  if (rate >= 1000) return `${(rate / 1000).toFixed(1)}k`;
  if (rate >= 10 || rate === 0) return String(Math.round(rate));
  return rate.toFixed(1);
}
