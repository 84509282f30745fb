// Memory of review-stats' window state, measured in a child process with an exposed
// GC (so the bench's own heap does not blur it): heap per course once its reviews
// are older than 90 days (all-time figures only), heap per review held in the
// 90-day window, and LMDB bytes per review on disk (memory-mapped: in RSS when read).
import { SluiceProcess } from './child-process.ts';
import type { BenchContext } from './context.ts';

export interface StateMemory {
  courses: number;
  heapBytesPerCourse: number;
  reviewsHeld: number;
  heapBytesPerReviewHeld: number;
  diskBytesPerReview: number;
}

export async function measureStateMemory(context: BenchContext, courses: number, reviewsHeld: number): Promise<StateMemory> {
  let result: StateMemory | undefined;
  const child = new SluiceProcess({
    entry: 'bench/measure/state-memory-child.ts',
    args: [String(courses), String(reviewsHeld)],
    env: process.env,
    nodeArgs: ['--expose-gc'],
    label: 'state-memory',
    onLine: (line) => {
      if (line.startsWith('{"courses"')) result = JSON.parse(line) as StateMemory;
    },
  });
  const code = await child.exited;
  if (code !== 0 || !result) throw new Error(`the state memory measure failed (exit ${code}):\n${child.lastLines()}`);
  context.say(`state memory: ${JSON.stringify(result)}`);
  return result;
}
