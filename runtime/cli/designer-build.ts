// `npm start` serves the built designer; it builds it when missing or older than its sources.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../local/project-root.ts';

export const designerDist = join(repoRoot, 'dist', 'designer');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export function designerIsStale(): boolean {
  const index = join(designerDist, 'index.html');
  if (!existsSync(index)) return true;
  // The preview bundles the engine and the node implementations (both in shared/) and the spam model too.
  const folders = ['designer', 'shared', 'pipelines/models'];
  const sources = Math.max(...folders.map((folder) => newestMtime(join(repoRoot, folder))));
  return sources > statSync(index).mtimeMs;
}

/**
 * Builds in a child process: a build in the runtime's own process left its heap at about 900 MB for the rest of its
 * life (V8 keeps what Rollup took), against under 200 MB without it.
 */
export async function ensureDesignerBuilt(log: (line: string) => void): Promise<void> {
  if (!designerIsStale()) return;
  log('building the designer (vite build)');
  const vite = join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  const build = spawn(process.execPath, [vite, 'build', '--config', join(repoRoot, 'vite.config.ts'), '--logLevel', 'warn'], {
    cwd: repoRoot,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const [code, signal] = (await once(build, 'exit')) as [number | null, NodeJS.Signals | null];
  if (code !== 0) throw new Error(`building the designer failed (vite build exited with ${signal ?? code})`);
}
