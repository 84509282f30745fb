// Test helper: the real corpora the project carries in data/.

import type { LabelledExample } from '../../../shared/nodes/spam-filter/corpora.ts';
import { readProjectCorpora } from '../corpus-files.ts';

export async function realCorpora(): Promise<LabelledExample[]> {
  return readProjectCorpora('spam');
}

/** Every corpus: the spam collections and the honest review sentences, in the order the shipped model was trained on them. */
export async function allCorpora(): Promise<LabelledExample[]> {
  return readProjectCorpora('all');
}

/** Honest texts from one corpus family ('sms' or 'youtube'). */
export async function hamTexts(family: 'sms' | 'youtube'): Promise<string[]> {
  return (await realCorpora()).filter((example) => !example.spam && example.source.startsWith(family)).map((example) => example.text);
}

/** Share of the texts a rule flags. */
export function flaggedShare(texts: readonly string[], flags: (text: string) => boolean): number {
  return texts.filter(flags).length / texts.length;
}
