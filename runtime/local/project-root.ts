// Where the project's files are (pipelines/, data/, .cache/, node_modules/, the runtime's own side files).
//
// Found by walking up to Sluice's package.json rather than by a fixed `../..` from each module: the runtime
// also runs as one bundled file (tools/runtime-bundle.mjs), from another folder depth than its sources.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_NAME = 'sluice';

/** The nearest folder at or above `start` whose package.json is Sluice's. */
export function findProjectRoot(start: string): string {
  for (let folder = start; ; folder = dirname(folder)) {
    const manifest = join(folder, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === PACKAGE_NAME) return folder;
    if (dirname(folder) === folder) throw new Error(`no ${PACKAGE_NAME} package.json at or above ${start}`);
  }
}

export const repoRoot = findProjectRoot(dirname(fileURLToPath(import.meta.url)));

/** A file of the project, by its path from the project's root (`runtime/local/watchdog.mjs`). */
export const projectFile = (path: string) => join(repoRoot, path);
