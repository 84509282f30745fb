// Test helper: the real corpora from the shared data folder, read once per test file.

import type { LabelledExample } from './corpora.ts';
import { dataDirectory, readCorpusPaths } from './corpus-files.ts';

export async function realCorpora(): Promise<LabelledExample[]> {
  const read = await readCorpusPaths([dataDirectory()]);
  if (!read.ok) throw new Error(`the shared corpora are needed for this test: ${read.message}`);
  return read.examples;
}

/** Honest texts from one corpus family ('sms' or 'youtube'). */
export async function hamTexts(family: 'sms' | 'youtube'): Promise<string[]> {
  return (await realCorpora()).filter((example) => !example.spam && example.source.startsWith(family)).map((example) => example.text);
}

/** Share of the texts a rule flags. */
export function flaggedShare(texts: readonly string[], flags: (text: string) => boolean): number {
  return texts.filter(flags).length / texts.length;
}
