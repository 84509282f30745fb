import { describe, expect, it } from 'vitest';
import { parseChangelogEntry } from '../../shared/nodes/window/window-changelog.ts';
import { windowRow } from './window-state.ts';

describe('generated window state', () => {
  const now = Date.parse('2026-11-25T00:00:00Z');
  it('writes entries the window reads back as rows of their course', () => {
    const { partitionKey, key, value } = windowRow(12_345, 1_000_000, 10_000, now);
    expect(partitionKey).toBe('course-2345');
    expect(key).toBe('row:state-12345');
    const parsed = parseChangelogEntry(JSON.parse(value));
    expect(parsed.ok && parsed.entry.kind === 'row' && parsed.entry.row?.key).toBe('course-2345');
  });

  it('spreads event times over two years, the last ones now', () => {
    const times = [0, 500_000, 999_999].map((i) => {
      const parsed = parseChangelogEntry(JSON.parse(windowRow(i, 1_000_000, 10, now).value));
      return parsed.ok && parsed.entry.kind === 'row' ? (parsed.entry.row?.t ?? 0) : 0;
    });
    expect((now - (times[0] ?? 0)) / 86_400_000).toBeCloseTo(730, 0);
    expect((now - (times[1] ?? 0)) / 86_400_000).toBeCloseTo(365, 0);
    expect(now - (times[2] ?? 0)).toBeLessThan(86_400_000);
  });
});
