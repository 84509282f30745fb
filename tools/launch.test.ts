// The launcher as a user calls it (`npm run sluice -- …` runs `node tools/launch.mjs sluice …`).
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const launch = (...args: string[]) =>
  spawnSync(process.execPath, [join(root, 'tools', 'launch.mjs'), ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });

describe('npm run sluice', () => {
  it("runs the bench's traffic generator for `sluice load`, with its own usage errors", () => {
    const result = launch('sluice', 'load', '--to', 'nowhere');
    expect(result.stderr).toContain("--to takes an http(s) URL of a Sluice runtime or 'kafka', not 'nowhere'");
    expect(result.status).toBe(2);
  });

  it('runs the runtime for every other command', () => {
    const result = launch('sluice', 'no-such-command');
    expect(result.stderr).toContain("sluice: unknown command 'no-such-command'");
    expect(result.status).toBe(2);
  });
});
