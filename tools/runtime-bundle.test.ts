// The bundle is what `npm start`, `npm run sluice`, the bench's workers and the integration tests run:
// it must work from its own folder, with plain node and no tsx.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundleRuntime, runtimeNodeArgs } from './runtime-bundle.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = bundleRuntime(root);
// Run from another folder: nothing may depend on the working directory being the project's.
const sluice = (...args: string[]) =>
  execFileSync(process.execPath, [...runtimeNodeArgs, bundle, ...args], {
    cwd: tmpdir(),
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'warn' },
  });
const defaultPipeline = join(root, 'pipelines', 'review-stats.json');

describe('the bundled runtime', () => {
  it('lives under .cache, outside the sources, and runs without tsx', () => {
    expect(relative(root, bundle)).toBe(join('.cache', 'runtime', 'sluice.mjs'));
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(sluice('version').trim()).toBe(`sluice ${manifest.version}`);
  });

  it('validates and plans the default pipeline', () => {
    expect(sluice('validate', defaultPipeline).trim()).toBe('ok');
    expect(sluice('plan', defaultPipeline)).toMatch(/^pipeline review-stats\n\npartitions: /);
  });

  it('resolves no file from its own location except through project-root.ts', () => {
    // From .cache/runtime/ a module's `../..` is another folder than from its source: such paths go through projectFile().
    const text = readFileSync(bundle, 'utf8');
    const uses = [...text.matchAll(/import\.meta\.(url|dirname|filename)/g)].length;
    const fromProjectRoot = text.slice(text.indexOf('// runtime/local/project-root.ts'));
    expect(uses).toBeGreaterThan(0);
    expect([...fromProjectRoot.slice(0, fromProjectRoot.indexOf('\n// ', 1)).matchAll(/import\.meta\.url/g)].length).toBe(uses);
  });
});
