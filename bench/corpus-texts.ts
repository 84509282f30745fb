// Texts for generated reviews: the ham and spam sides of the labelled corpora in data/.
import { readProjectCorpora } from '../runtime/spam/corpus-files.ts';
import type { TextSource } from './load/traffic.ts';

// The SMS corpus holds C1 control characters (U+0091..U+0096) where Windows-1252 quotes and dashes were
// mis-decoded; the API refuses control characters, so generated reviews carry what was meant, and any other
// control character becomes a space.
const windows1252: Record<string, string> = {
  '\u0085': '…',
  '\u0091': '‘',
  '\u0092': '’',
  '\u0093': '“',
  '\u0094': '”',
  '\u0096': '–',
  '\u0097': '—',
};

export function asReviewText(text: string): string {
  return text.replace(/(?![\t\n\r])\p{Cc}/gu, (character) => windows1252[character] ?? ' ');
}

export async function corpusTexts(): Promise<TextSource> {
  const examples = await readProjectCorpora('spam');
  return {
    ham: examples.filter((example) => !example.spam).map((example) => asReviewText(example.text)),
    spam: examples.filter((example) => example.spam).map((example) => asReviewText(example.text)),
  };
}
