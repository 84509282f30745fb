// Texts for generated reviews: the ham and spam sides of the labelled corpora in data/.
import { readProjectCorpora } from '../runtime/nodes/spam-filter/corpus-files.ts';
import type { TextSource } from './load/traffic.ts';

export async function corpusTexts(): Promise<TextSource> {
  const examples = await readProjectCorpora('spam');
  return {
    ham: examples.filter((example) => !example.spam).map((example) => example.text),
    spam: examples.filter((example) => example.spam).map((example) => example.text),
  };
}
