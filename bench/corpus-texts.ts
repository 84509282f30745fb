// Texts for generated reviews: the ham and spam sides of the labelled corpora in ../shared/data.
import { dataDirectory, readCorpusPaths } from '../runtime/nodes/spam-filter/corpus-files.ts';
import type { TextSource } from './load/traffic.ts';

export async function corpusTexts(): Promise<TextSource> {
  const read = await readCorpusPaths([dataDirectory()]);
  if (!read.ok) throw new Error(`cannot read the labelled corpora: ${read.message}`);
  return {
    ham: read.examples.filter((example) => !example.spam).map((example) => example.text),
    spam: read.examples.filter((example) => example.spam).map((example) => example.text),
  };
}
