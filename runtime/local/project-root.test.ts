import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findProjectRoot, repoRoot } from './project-root.ts';

const made: string[] = [];
afterEach(() => {
  for (const folder of made.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function tree(manifests: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'sluice-root-'));
  made.push(root);
  for (const [folder, name] of Object.entries(manifests)) {
    mkdirSync(join(root, folder), { recursive: true });
    writeFileSync(join(root, folder, 'package.json'), JSON.stringify({ name }));
  }
  return root;
}

describe('findProjectRoot', () => {
  it("finds Sluice's folder from any depth below it, past other packages' manifests", () => {
    const root = tree({ app: 'sluice', 'app/node_modules/lib': 'lib' });
    mkdirSync(join(root, 'app/.cache/runtime'), { recursive: true });
    expect(findProjectRoot(join(root, 'app/.cache/runtime'))).toBe(join(root, 'app'));
    expect(findProjectRoot(join(root, 'app/node_modules/lib'))).toBe(join(root, 'app'));
    expect(findProjectRoot(join(root, 'app'))).toBe(join(root, 'app'));
  });

  it('says where it looked when no folder above is Sluice', () => {
    const root = tree({ other: 'other' });
    expect(() => findProjectRoot(join(root, 'other'))).toThrow(/no sluice package.json at or above .*other/);
  });

  it("is this checkout's root, the folder holding the default pipeline", () => {
    expect(existsSync(join(repoRoot, 'pipelines', 'review-stats.json'))).toBe(true);
  });
});
