// `npm start` serves the built designer; it builds it when missing or older than its sources.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../local/kafka/broker.ts';

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

export async function ensureDesignerBuilt(log: (line: string) => void): Promise<void> {
  if (!designerIsStale()) return;
  log('building the designer (vite build)');
  const { build } = await import('vite');
  await build({ configFile: join(repoRoot, 'vite.config.ts'), logLevel: 'warn' });
}
