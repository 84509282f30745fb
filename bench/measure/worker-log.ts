// What a worker process (`sluice run`) says on stdout, as events: its pino JSON
// lines for task assignments and finished restores, and warnings or errors.

export type WorkerEvent =
  | { kind: 'assignment'; time: number; tasks: string[] }
  | { kind: 'restored'; time: number; task: string; rows: number; ms: number }
  | { kind: 'problem'; time: number; level: number; message: string }
  /** The bench's runtime child (bench/runtime-child.ts) listens here. */
  | { kind: 'listening'; time: number; address: string };

const WARN = 40;

export function parseWorkerLine(line: string): WorkerEvent | undefined {
  if (!line.startsWith('{')) return undefined;
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const time = typeof entry.time === 'number' ? entry.time : Number.NaN;
  if (entry.msg === 'listening' && typeof entry.address === 'string') return { kind: 'listening', time, address: entry.address };
  if (entry.msg === 'assignment' && Array.isArray(entry.tasks)) return { kind: 'assignment', time, tasks: entry.tasks.map(String) };
  if (entry.msg === 'task state restored' && typeof entry.task === 'string')
    return { kind: 'restored', time, task: entry.task, rows: Number(entry.restored ?? 0), ms: Number(entry.ms ?? 0) };
  if (typeof entry.level === 'number' && entry.level >= WARN)
    return { kind: 'problem', time, level: entry.level, message: `${String(entry.msg)}${entry.err ? `: ${String(entry.err)}` : ''}` };
  return undefined;
}

/** The tasks of the worker's latest assignment (empty before the first). */
export function currentTasks(events: readonly WorkerEvent[]): string[] {
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i] as WorkerEvent;
    if (event.kind === 'assignment') return event.tasks;
  }
  return [];
}

/**
 * Whether every task of the latest assignment that has stores finished restoring since it
 * came to this worker: a task kept through a rebalance is not restored again.
 */
export function restoredSinceAssignment(events: readonly WorkerEvent[], hasStores: (task: string) => boolean): boolean {
  const tasks = currentTasks(events);
  if (tasks.length === 0) return false;
  return tasks.filter(hasStores).every((task) => {
    let restored = false;
    for (let i = events.length - 1; i >= 0; i--) {
      const event = events[i] as WorkerEvent;
      if (event.kind === 'restored' && event.task === task) restored = true;
      if (event.kind === 'assignment' && !event.tasks.includes(task)) break; // it came to this worker after here
    }
    return restored;
  });
}

export interface RestoreSummary {
  rows: number;
  /** From the first restore's start to the last one's end (tasks restore at the same time). */
  seconds: number;
  began: number;
  ended: number;
}

/** The restores of the chosen tasks logged at or after `since` (ms since the epoch). */
export function restoreSummary(
  events: readonly WorkerEvent[],
  since: number,
  include: (task: string) => boolean,
): RestoreSummary | undefined {
  const restores = events.filter(
    (event): event is Extract<WorkerEvent, { kind: 'restored' }> => event.kind === 'restored' && event.time >= since && include(event.task),
  );
  if (restores.length === 0) return undefined;
  const began = Math.min(...restores.map((event) => event.time - event.ms));
  const ended = Math.max(...restores.map((event) => event.time));
  return { rows: restores.reduce((sum, event) => sum + event.rows, 0), seconds: (ended - began) / 1000, began, ended };
}
