import { describe, expect, it } from 'vitest';
import { asCpuProfile, type CpuProfile, formatSelfTimes, mainThreadProfile, summariseProfile, topSelfTime } from './cpu-profile.ts';

const frame = (functionName: string, url = '', lineNumber = 0) => ({ functionName, url, lineNumber, columnNumber: 0 });
// Two nodes of one function (two call sites) and the GC; times in microseconds.
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame('(root)') },
    { id: 2, callFrame: frame('parse', 'file:///repo/runtime/engine/codec.ts', 9) },
    { id: 3, callFrame: frame('parse', 'file:///repo/runtime/engine/codec.ts', 9) },
    { id: 4, callFrame: frame('(garbage collector)') },
    { id: 5, callFrame: frame('', 'node:internal/streams', 4) },
  ],
  startTime: 0,
  endTime: 10_000,
  samples: [2, 3, 4, 5, 2],
  timeDeltas: [0, 3000, 2000, 1000, 2000],
};

describe('topSelfTime', () => {
  it('sums self time per function over its call sites, the gap until the next sample counting for each (no line for transpiled TypeScript)', () => {
    const top = topSelfTime(profile, 10, '/repo');
    expect(top.map((row) => row.function)).toEqual([
      'parse (runtime/engine/codec.ts)',
      '(anonymous) (node:internal/streams:5)',
      '(garbage collector)',
    ]);
    // parse: 3 ms (first sample) + 2 ms (second) + 2 ms (the last sample gets the average gap, 10 ms / 5).
    expect(top[0]?.selfMs).toBeCloseTo(7);
    expect(top[1]?.selfMs).toBeCloseTo(2);
    expect(top[2]?.selfMs).toBeCloseTo(1);
    expect(top.reduce((sum, row) => sum + row.percent, 0)).toBeCloseTo(100);
  });

  it('shortens very long names (a regular expression is named after its source)', () => {
    const long: CpuProfile = { ...profile, nodes: [{ id: 2, callFrame: frame(`RegExp: ${'a|'.repeat(100)}`) }], samples: [2] };
    expect(topSelfTime(long, 1)[0]?.function).toHaveLength(80);
  });

  it('keeps only the first `count` and copes with a profile without samples', () => {
    expect(topSelfTime(profile, 1)).toHaveLength(1);
    expect(topSelfTime({ ...profile, samples: [], timeDeltas: [] }, 5)).toEqual([]);
  });

  it('formats one line per function', () => {
    expect(formatSelfTimes(topSelfTime(profile, 1, '/repo'))).toBe(' 70.0%        7 ms  parse (runtime/engine/codec.ts)');
  });
});

describe('summariseProfile', () => {
  it('gives the idle share apart and leaves idle out of the top functions', () => {
    const idle: CpuProfile = {
      ...profile,
      nodes: [...profile.nodes, { id: 6, callFrame: frame('(idle)') }],
      samples: [6, 2, 6, 6, 6],
      timeDeltas: [0, 1000, 1000, 1000, 1000],
    };
    const summary = summariseProfile(idle, 5, '/repo');
    expect(summary.seconds).toBeCloseTo(0.01);
    expect(summary.idlePercent).toBeCloseTo(((1 + 1 + 1 + 2) / 6) * 100); // the last sample gets the 2 ms average gap
    expect(summary.top.map((row) => row.function)).toEqual(['parse (runtime/engine/codec.ts)']);
  });
});

describe('asCpuProfile', () => {
  it('accepts a profile and refuses other JSON', () => {
    expect(asCpuProfile(JSON.parse(JSON.stringify(profile)))).toBeDefined();
    expect(asCpuProfile({ nodes: 'no' })).toBe(undefined);
    expect(asCpuProfile(null)).toBe(undefined);
  });
});

describe('mainThreadProfile', () => {
  it("picks thread 0 among a process's profiles", () => {
    const files = ['CPU.20261125.090012.4242.1.002.cpuprofile', 'CPU.20261125.090012.4242.0.001.cpuprofile', 'notes.txt'];
    expect(mainThreadProfile(files)).toBe('CPU.20261125.090012.4242.0.001.cpuprofile');
    expect(mainThreadProfile(['CPU.20261125.090012.4242.1.002.cpuprofile'])).toBe(undefined);
  });
});
