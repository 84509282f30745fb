import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileHistory } from './history-file.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const point = (at: number) => ({ at, version: 1, nodes: { reviews: { in: 3, out: 3 } } });

describe('the history on disk', () => {
  it('is read back by the next runtime process, without what is older than 24 hours', () => {
    const dir = mkdtempSync(join(tmpdir(), 'history-'));
    dirs.push(dir);
    let now = Date.UTC(2026, 5, 1);
    const first = new FileHistory(dir, () => now);
    first.append('review-stats', point(now - 25 * 3600_000));
    first.append('review-stats', point(now - 3600_000));
    first.append('review-stats', point(now));
    now += 10_000;
    const second = new FileHistory(dir, () => now);
    expect(second.points('review-stats', 0).map((entry) => entry.at)).toEqual([now - 10_000 - 3600_000, now - 10_000]);
  });

  it('skips a line a crash cut short, and forgets a deleted pipeline', () => {
    const dir = mkdtempSync(join(tmpdir(), 'history-'));
    dirs.push(dir);
    const now = Date.UTC(2026, 5, 1);
    writeFileSync(join(dir, 'p.jsonl'), `${JSON.stringify(point(now))}\n{"at":12`);
    const history = new FileHistory(dir, () => now);
    expect(history.points('p', 0)).toHaveLength(1);
    history.forget('p');
    expect(() => readFileSync(join(dir, 'p.jsonl'))).toThrow();
  });
});
