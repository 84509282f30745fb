import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CorpusRead, type LabelledExample, readCorpus } from './corpora.ts';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The shared labelled corpora: `<repo>/../shared/data`, or `SLUICE_CORPORA_DIR` when set. */
export function dataDirectory(env: Record<string, string | undefined> = process.env): string {
  return env.SLUICE_CORPORA_DIR ?? resolve(REPO_ROOT, '../shared/data');
}

// Documentation that sits beside the data.
const NOT_DATA = /^(readme(\.\w+)?|license(\.\w+)?|.*\.md)$/i;

async function filesIn(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  const sorted = entries.filter((entry) => !entry.name.startsWith('.')).sort((a, b) => a.name.localeCompare(b.name));
  const nested = await Promise.all(
    sorted.map((entry) => {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) return filesIn(path);
      return Promise.resolve(NOT_DATA.test(entry.name) ? [] : [path]);
    }),
  );
  return nested.flat();
}

/**
 * Reads labelled files and folders of them (recursively, in name order, skipping READMEs).
 * Each example's source is its path relative to the folder given, or its file name.
 */
export async function readCorpusPaths(paths: readonly string[]): Promise<CorpusRead> {
  const examples: LabelledExample[] = [];
  for (const path of paths) {
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(path);
    } catch {
      return { ok: false, message: `${path}: no such file or folder` };
    }
    const files = info.isDirectory() ? await filesIn(path) : [path];
    if (files.length === 0) return { ok: false, message: `${path}: no data files in this folder` };
    for (const file of files) {
      const source = info.isDirectory() ? relative(path, file) : basename(file);
      const read = readCorpus(await readFile(file, 'utf8'), source);
      if (!read.ok) return { ok: false, message: `${file}: ${read.message}` };
      if (read.examples.length === 0) return { ok: false, message: `${file}: no labelled rows` };
      examples.push(...read.examples);
    }
  }
  return { ok: true, examples };
}
