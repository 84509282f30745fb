// Memory and CPU of a process (and of the machine) from Linux's /proc, read by the
// parent: the worker needs no hook for it. Elsewhere the readers give undefined.
import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's CPU times (USER_HZ): 100 on every Linux we run on. */
const TICKS_PER_SECOND = 100;

export interface ProcessMemory {
  rssMb: number;
  /** The high-water mark of RSS over the process's life. */
  peakRssMb: number;
  /** Of RSS, anonymous memory: the JavaScript heap, buffers, native allocations. NaN when the kernel does not say. */
  anonMb: number;
  /** Of RSS, pages of mapped files: LMDB's, as far as they were read, and the code of node and its addons. */
  fileMb: number;
}

/** VmRSS, VmHWM, RssAnon and RssFile of /proc/<pid>/status. */
export function parseProcStatus(text: string): ProcessMemory | undefined {
  const mb = (name: string) => Number(text.match(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm'))?.[1] ?? Number.NaN) / 1024;
  const rssMb = mb('VmRSS');
  const peakRssMb = mb('VmHWM');
  return Number.isNaN(rssMb) || Number.isNaN(peakRssMb) ? undefined : { rssMb, peakRssMb, anonMb: mb('RssAnon'), fileMb: mb('RssFile') };
}

/** User + system CPU seconds of /proc/<pid>/stat (fields 14 and 15, counted after the command name in parentheses). */
export function parseProcessCpuSeconds(text: string): number | undefined {
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state), so field n is fields[n - 3].
  const user = Number(fields[11]);
  const system = Number(fields[12]);
  return Number.isFinite(user) && Number.isFinite(system) ? (user + system) / TICKS_PER_SECOND : undefined;
}

export interface MachineCpu {
  busy: number;
  total: number;
}

/** The machine's busy and total CPU ticks, from the `cpu` line of /proc/stat (idle and iowait count as not busy). */
export function parseMachineCpu(text: string): MachineCpu | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith('cpu '));
  if (!line) return undefined;
  const ticks = line.trim().split(/\s+/).slice(1, 9).map(Number);
  if (ticks.length < 5 || ticks.some(Number.isNaN)) return undefined;
  const total = ticks.reduce((sum, value) => sum + value, 0);
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
  return { busy: total - idle, total };
}

/** Share of the machine's CPU (0..100, all cores together) that was busy between two readings. */
export function busyPercent(before: MachineCpu, after: MachineCpu): number {
  const total = after.total - before.total;
  return total > 0 ? ((after.busy - before.busy) / total) * 100 : Number.NaN;
}

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

export const processMemory = (pid: number) => {
  const text = read(`/proc/${pid}/status`);
  return text === undefined ? undefined : parseProcStatus(text);
};
export const processCpuSeconds = (pid: number) => {
  const text = read(`/proc/${pid}/stat`);
  return text === undefined ? undefined : parseProcessCpuSeconds(text);
};
export const machineCpu = () => {
  const text = read('/proc/stat');
  return text === undefined ? undefined : parseMachineCpu(text);
};
