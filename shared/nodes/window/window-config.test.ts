import { describe, expect, it } from 'vitest';
import { resolveWindowConfig } from './window-config.ts';

// A stand-in for shared/duration.ts's parseDuration: enough units for these cases.
const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const parse = (text: string) => {
  const match = /^(\d+)(ms|s|m|h|d)$/.exec(text);
  return match?.[1] && match[2] ? Number(match[1]) * (units[match[2]] ?? Number.NaN) : undefined;
};

describe('resolveWindowConfig', () => {
  it('turns durations into milliseconds and tumbling into hopping with advance = size', () => {
    const resolved = resolveWindowConfig(
      {
        keyField: 'courseId',
        eventTimeField: 'createdAt',
        windows: [
          { name: 'allTime', type: 'all-time' },
          { name: 'last90Days', type: 'sliding', size: '90d' },
          { name: 'daily', type: 'tumbling', size: '1d' },
          { name: 'rolling', type: 'hopping', size: '3d', advance: '1d' },
        ],
        aggregates: [{ name: 'count', fn: 'count' }],
        allowedLateness: '1h',
      },
      parse,
    );
    expect(resolved).toEqual({
      ok: true,
      config: {
        keyField: 'courseId',
        windows: [
          { name: 'allTime', type: 'all-time' },
          { name: 'last90Days', type: 'sliding', size: 90 * 86_400_000 },
          { name: 'daily', type: 'bucketed', size: 86_400_000, advance: 86_400_000 },
          { name: 'rolling', type: 'bucketed', size: 3 * 86_400_000, advance: 86_400_000 },
        ],
        aggregates: [{ name: 'count', fn: 'count' }],
        allowedLateness: 3_600_000,
      },
    });
  });

  it('reports a duration it cannot read', () => {
    const result = resolveWindowConfig(
      {
        keyField: 'k',
        eventTimeField: 't',
        windows: [{ name: 'w', type: 'sliding', size: 'soon' }],
        aggregates: [],
        allowedLateness: '0s',
      },
      parse,
    );
    expect(result).toEqual({ ok: false, message: "w: 'soon' is not a positive duration" });
  });
});
