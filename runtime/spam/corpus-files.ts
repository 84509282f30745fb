import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { type CorpusRead, type LabelledExample, readCorpus } from '../../shared/nodes/spam-filter/corpora.ts';
import { projectFile } from '../local/project-root.ts';

/** The labelled corpora the project carries (`<repo>/data`, with their sources and licences in its README). */
export function dataDirectory(): string {
  return projectFile('data');
}

const REVIEW_SENTENCES = 'review-sentences/';

/** The families of data/ by source, as the evaluation reports them. */
export const CORPUS_GROUPS = [
  { name: 'YouTube comments', matches: (source: string) => source.startsWith('youtube-spam/') },
  { name: 'SMS', matches: (source: string) => source.startsWith('sms-spam/') },
  { name: 'review sentences', matches: (source: string) => source.startsWith(REVIEW_SENTENCES) },
];

/**
 * The corpora the project carries, by family: `spam` are those with both spam and ham (SMS, YouTube
 * comments), `reviewSentences` the honest review sentences (Yelp, IMDb: all ham), `all` every file in the
 * order `sluice train-spam` reads data/ (the order the shipped model was trained in). Sources are paths
 * relative to data/, such as `sms-spam/SMSSpamCollection`.
 */
export async function readProjectCorpora(family: 'spam' | 'reviewSentences' | 'all'): Promise<LabelledExample[]> {
  const read = await readCorpusPaths([dataDirectory()]);
  if (!read.ok) throw new Error(`cannot read the corpora in data/: ${read.message}`);
  if (family === 'all') return read.examples;
  const wanted = family === 'reviewSentences';
  return read.examples.filter((example) => example.source.startsWith(REVIEW_SENTENCES) === wanted);
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
