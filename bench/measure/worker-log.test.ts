import { describe, expect, it } from 'vitest';
import { currentTasks, parseWorkerLine, restoredSinceAssignment, restoreSummary, type WorkerEvent } from './worker-log.ts';

// Lines as `sluice run` prints them (pino JSON, and its own `sluice:` lines).
const lines = [
  'sluice: pipeline bench-t1: 5 sub-topologies, 15 tasks, 13 topics',
  '{"level":30,"time":1000,"name":"sluice","component":"worker","group":"sluice.p","tasks":["p.0.0","p.4.0","p.4.1"],"msg":"assignment"}',
  '{"level":30,"time":1500,"name":"sluice","component":"task","task":"p.4.0","restored":600,"ms":400,"msg":"task state restored"}',
  '{"level":40,"time":1600,"name":"sluice","component":"task","task":"p.4.1","err":"boom","msg":"task start failed; retrying"}',
  '{"level":30,"time":2100,"name":"sluice","component":"task","task":"p.4.1","restored":400,"ms":1000,"msg":"task state restored"}',
  '{"level":30,"time":2200,"name":"sluice","component":"runner","msg":"pipeline started"}',
  '{not json',
  '{"level":30,"time":2300,"msg":"listening","address":"http://127.0.0.1:40001"}',
];
const events = lines.map(parseWorkerLine).filter((event): event is WorkerEvent => event !== undefined);
const hasStores = (task: string) => !task.includes('.0.');

describe('worker log events', () => {
  it('reads assignments, finished restores, problems and the listening address, and skips the rest', () => {
    expect(events).toEqual([
      { kind: 'assignment', time: 1000, tasks: ['p.0.0', 'p.4.0', 'p.4.1'] },
      { kind: 'restored', time: 1500, task: 'p.4.0', rows: 600, ms: 400 },
      { kind: 'problem', time: 1600, level: 40, message: 'task start failed; retrying: boom' },
      { kind: 'restored', time: 2100, task: 'p.4.1', rows: 400, ms: 1000 },
      { kind: 'listening', time: 2300, address: 'http://127.0.0.1:40001' },
    ]);
  });

  it('knows the latest assignment and whether its tasks with stores have restored since', () => {
    expect(currentTasks(events)).toEqual(['p.0.0', 'p.4.0', 'p.4.1']);
    expect(restoredSinceAssignment(events, hasStores)).toBe(true);
    expect(restoredSinceAssignment(events.slice(0, 3), hasStores)).toBe(false);
    // A rebalance that keeps p.4.1 does not restore it again; p.4.2 is new here and must restore.
    const kept: WorkerEvent[] = [...events, { kind: 'assignment', time: 3000, tasks: ['p.4.1'] }];
    expect(currentTasks(kept)).toEqual(['p.4.1']);
    expect(restoredSinceAssignment(kept, hasStores)).toBe(true);
    const moved: WorkerEvent[] = [...kept, { kind: 'assignment', time: 4000, tasks: ['p.4.1', 'p.4.2'] }];
    expect(restoredSinceAssignment(moved, hasStores)).toBe(false);
    const movedBack: WorkerEvent[] = [...events, { kind: 'assignment', time: 3000, tasks: ['p.0.0'] }, events[0] as WorkerEvent];
    expect(restoredSinceAssignment(movedBack, hasStores)).toBe(false);
    expect(restoredSinceAssignment([], hasStores)).toBe(false);
  });

  it('sums restores from the first start to the last end', () => {
    expect(restoreSummary(events, 0, hasStores)).toEqual({ rows: 1000, seconds: 1, began: 1100, ended: 2100 });
    expect(restoreSummary(events, 2000, hasStores)).toEqual({ rows: 400, seconds: 1, began: 1100, ended: 2100 });
    expect(restoreSummary(events, 0, (task) => task === 'none')).toBe(undefined);
  });
});
