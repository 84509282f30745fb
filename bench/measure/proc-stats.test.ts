import { describe, expect, it } from 'vitest';
import { busyPercent, parseMachineCpu, parseProcessCpuSeconds, parseProcStatus } from './proc-stats.ts';

describe('/proc readers', () => {
  it('reads RSS, its high-water mark and its anonymous and file-backed parts from status', () => {
    const status =
      'Name:\tnode\nVmPeak:\t 1200000 kB\nVmHWM:\t  204800 kB\nVmRSS:\t  102400 kB\nRssAnon:\t   71680 kB\nRssFile:\t   30720 kB\nThreads:\t11\n';
    expect(parseProcStatus(status)).toEqual({ rssMb: 100, peakRssMb: 200, anonMb: 70, fileMb: 30 });
    expect(parseProcStatus('VmHWM:\t 2048 kB\nVmRSS:\t 1024 kB\n')).toEqual({
      rssMb: 1,
      peakRssMb: 2,
      anonMb: Number.NaN,
      fileMb: Number.NaN,
    });
    expect(parseProcStatus('Name:\tzombie\n')).toBe(undefined);
  });

  it('reads user + system CPU time from stat, also when the command name has spaces and parentheses', () => {
    const stat = '4242 (node (main) x) S 1 4242 4242 0 -1 4194560 5000 0 0 0 250 50 0 0 20 0 11 0 100 1000000 25000';
    expect(parseProcessCpuSeconds(stat)).toBe(3);
    expect(parseProcessCpuSeconds('garbage')).toBe(undefined);
  });

  it('reads the machine CPU line and gives the busy share between two readings', () => {
    expect(parseMachineCpu('cpu  100 0 100 700 100 0 0 0 0 0\ncpu0 50 0 50 350 50 0 0 0 0 0\n')).toEqual({ busy: 200, total: 1000 });
    expect(parseMachineCpu('cpu  250 0 150 850 150 0 0 0 0 0\n')).toEqual({ busy: 400, total: 1400 });
    expect(busyPercent({ busy: 200, total: 1000 }, { busy: 400, total: 1400 })).toBe(50);
    expect(parseMachineCpu('intr 1 2 3')).toBe(undefined);
  });
});
