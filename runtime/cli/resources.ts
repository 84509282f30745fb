import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { repoRoot } from '../local/project-root.ts';

/** Files that pipelines name (the spam model) live beside them in pipelines/, unless the path is absolute. */
export function readPipelineResource(path: string): string {
  return readFileSync(isAbsolute(path) ? path : join(repoRoot, 'pipelines', path), 'utf8');
}
