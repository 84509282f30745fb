// Where a process spent its time: the functions with the most self time in a
// V8 .cpuprofile (what `node --cpu-prof` writes), summed over every call site.

export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber?: number } }[];
  startTime: number;
  endTime: number;
  samples?: number[];
  /** Microseconds before each sample (the first one from startTime). */
  timeDeltas?: number[];
}

export interface SelfTime {
  /** `name (file:line)`, with the repository folder left out of the file. */
  function: string;
  selfMs: number;
  /** Share of the profile's sampled time, 0..100. */
  percent: number;
}

/** Checks the shape just enough to read it: errors as data, never a throw on a foreign file. */
export function asCpuProfile(input: unknown): CpuProfile | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const candidate = input as Partial<CpuProfile>;
  if (!Array.isArray(candidate.nodes) || typeof candidate.startTime !== 'number' || typeof candidate.endTime !== 'number') return undefined;
  return candidate as CpuProfile;
}

function label(frame: CpuProfile['nodes'][number]['callFrame'], root: string): string {
  // A regular expression's frame is named after its whole source: keep the start.
  const full = frame.functionName || '(anonymous)';
  const name = full.length > 80 ? `${full.slice(0, 79)}…` : full;
  if (!frame.url) return name;
  let file = frame.url.replace(/^file:\/\//, '');
  if (root && file.startsWith(root)) file = file.slice(root.length).replace(/^\//, '');
  // TypeScript runs transpiled by tsx: its line numbers are the transpiled file's, so only the file is shown.
  return /\.tsx?$/.test(file) ? `${name} (${file})` : `${name} (${file}:${frame.lineNumber + 1})`;
}

/**
 * The top `count` functions by self time. A sample's time is the gap until the next
 * sample (as Chrome's DevTools counts it); the last sample gets the average gap.
 */
export function topSelfTime(profile: CpuProfile, count: number, root = ''): SelfTime[] {
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const labels = new Map(profile.nodes.map((node) => [node.id, label(node.callFrame, root)]));
  const average = samples.length > 0 ? (profile.endTime - profile.startTime) / samples.length : 0;
  const self = new Map<string, number>();
  let total = 0;
  samples.forEach((id, index) => {
    const micros = Math.max(0, deltas[index + 1] ?? average);
    const name = labels.get(id) ?? `(node ${id})`;
    self.set(name, (self.get(name) ?? 0) + micros);
    total += micros;
  });
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, micros]) => ({ function: name, selfMs: micros / 1000, percent: total > 0 ? (micros / total) * 100 : 0 }));
}

export interface ProfileSummary {
  seconds: number;
  /** Share of the samples in which the thread waited (I/O, timers, the broker): not CPU work. */
  idlePercent: number;
  /** The busiest functions, idle left out; percent of all sampled time. */
  top: SelfTime[];
}

export function summariseProfile(profile: CpuProfile, count: number, root = ''): ProfileSummary {
  const all = topSelfTime(profile, Number.POSITIVE_INFINITY, root);
  return {
    seconds: (profile.endTime - profile.startTime) / 1e6,
    idlePercent: all.find((row) => row.function === '(idle)')?.percent ?? 0,
    top: all.filter((row) => row.function !== '(idle)').slice(0, count),
  };
}

export function formatSelfTimes(rows: SelfTime[]): string {
  return rows.map((row) => `${row.percent.toFixed(1).padStart(5)}%  ${row.selfMs.toFixed(0).padStart(7)} ms  ${row.function}`).join('\n');
}

/**
 * The main thread's profile among those one process wrote: node names them
 * CPU.<date>.<time>.<pid>.<thread id>.<sequence>.cpuprofile, and the main thread is 0.
 */
export function mainThreadProfile(fileNames: readonly string[]): string | undefined {
  return fileNames.find((name) => /^CPU\.\d+\.\d+\.\d+\.0\.\d+\.cpuprofile$/.test(name));
}
