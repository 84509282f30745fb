import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clusterStateFolder, forgetPipelineState } from './local-state-scope.ts';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'sluice-scope-test-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const task = (cluster: string, id: string) => {
  const folder = join(clusterStateFolder(root, cluster), 'tasks', id);
  mkdirSync(folder, { recursive: true });
  return folder;
};

describe('local task files, scoped', () => {
  it('gives each cluster a folder of its own, whatever its id holds', () => {
    expect(clusterStateFolder(root, 'AbC-12_x')).not.toBe(clusterStateFolder(root, 'AbC-12_y'));
    expect(clusterStateFolder(root, '../../etc')).toBe(join(root, 'cluster-______etc'));
  });

  it("removes a deleted pipeline's task folders on every cluster and leaves other pipelines' alone", () => {
    const gone = [task('one', 'ratings.0.0'), task('one', 'ratings.1.3'), task('two', 'ratings.0.0')];
    const kept = [task('one', 'ratings-copy.0.0'), task('one', 'ratings2.0.0'), task('two', 'review-stats.0.1')];
    expect(forgetPipelineState(root, 'ratings').sort()).toHaveLength(3);
    for (const folder of gone) expect(existsSync(folder), folder).toBe(false);
    for (const folder of kept) expect(existsSync(folder), folder).toBe(true);
  });

  it('finds nothing to remove in a folder that does not exist', () => {
    expect(forgetPipelineState(join(root, 'never'), 'ratings')).toEqual([]);
  });
});
