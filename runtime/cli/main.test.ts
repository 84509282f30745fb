import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const main = join(import.meta.dirname, 'main.ts');
const sluice = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', main, ...args], { encoding: 'utf8' });

describe('the sluice CLI', () => {
  it('lists its commands on help', () => {
    const result = sluice('help');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Usage: npm run sluice -- <command>/);
    expect(result.stdout).toMatch(/^\s+version\s+print the Sluice version$/m);
    expect(result.stdout).toMatch(/^\s+start\s+/m);
  });

  it('prints the version from package.json', () => {
    const result = sluice('version');
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toMatch(/^sluice \d+\.\d+\.\d+$/);
  });

  it('exits 2 on an unknown command and points to help', () => {
    const result = sluice('frobnicate');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("unknown command 'frobnicate'");
  });
});
