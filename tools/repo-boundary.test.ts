// A user's clone has nothing beside it: no file of the project may reach outside the repository,
// in particular not the team's `../shared` folder that only this workplace has, whose name the
// project's own shared/ also has.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' })
  .split('\0')
  .filter((file) => file !== '' && !file.endsWith('.md') && !file.startsWith('bench/results/') && !file.startsWith('data/'));

// Spelled in pieces, so that this file does not itself contain what it looks for.
const UP = '..';
const JOINED_PATH = new RegExp(`'\\.\\.', *'${'sha'}red'|${'SLUICE_CORPORA'}_DIR`);

/** Relative paths to a `shared` folder written in a file's text that, resolved from its folder, leave the repository. */
function pathsLeaving(file: string, text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/(?:\.\.\/)+shared(?:\/[\w.-]+)*/g)) {
    const target = resolve(root, dirname(file), match[0]);
    if (relative(root, target).startsWith('..')) found.push(`${file}: ${match[0]}`);
  }
  if (JOINED_PATH.test(text)) found.push(`${file}: a path to the workplace's shared folder`);
  return found;
}

function readTracked(file: string): string {
  try {
    return readFileSync(join(root, file), 'utf8');
  } catch {
    return ''; // deleted in the work tree
  }
}

describe('the repository boundary', () => {
  it('no tracked file refers to a path outside the repository', () => {
    expect(tracked.length).toBeGreaterThan(100);
    expect(tracked.flatMap((file) => pathsLeaving(file, readTracked(file)))).toEqual([]);
  });

  it('tells a path to the project’s own shared/ from one to the folder beside the project', () => {
    expect(pathsLeaving('runtime/nodes/x.ts', `import '${UP}/${UP}/shared/index.ts';`)).toEqual([]);
    const outside = `${UP}/${UP}/${UP}/shared/data`;
    expect(pathsLeaving('runtime/nodes/x.ts', `resolve(root, '${outside}')`)).toEqual([`runtime/nodes/x.ts: ${outside}`]);
    expect(pathsLeaving('bench/x.ts', `join(root, '${UP}', 'shared')`)).toHaveLength(1);
  });
});
