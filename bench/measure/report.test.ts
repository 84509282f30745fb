import { describe, expect, it } from 'vitest';
import { formatNumber, markdownTable } from './report.ts';

describe('the Markdown report', () => {
  it('rounds to three significant digits and separates thousands', () => {
    expect(formatNumber(27_839.8)).toBe('27,800');
    expect(formatNumber(713.04)).toBe('713');
    expect(formatNumber(42.27)).toBe('42.3');
    expect(formatNumber(0.2125)).toBe('0.213');
    expect(formatNumber(Number.NaN)).toBe('–');
  });

  it('has one row per figure, with its note, and the profiles after the table', () => {
    const text = markdownTable({
      date: '2026-11-25T10:00:00Z',
      quick: false,
      profiled: true,
      records: 1000,
      bytes: 400_000,
      minutes: 12.5,
      machine: { cores: 2 },
      figures: [{ name: 'p99 at 1,000/s', unit: 'ms', median: 120, min: 100, max: 150, runs: 3, note: 'not sustained' }],
      profiles: { 'one worker': { seconds: 30, idlePercent: 40, top: [{ function: 'parse (a.ts:1)', selfMs: 3000, percent: 10 }] } },
    });
    expect(text).toContain('| p99 at 1,000/s | 120 | 100 | 150 | ms | 3 | not sustained |');
    expect(text).toContain('400 bytes on average');
    expect(text).toContain('### one worker: 30 s sampled, 40% idle');
    expect(text).toContain('parse (a.ts:1)');
  });
});
