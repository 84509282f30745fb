// Model files on disk, for the trainer and tests: Node only, kept apart from the
// classifier so the classifier (and the spam filter with it) also runs in a browser.
import { readFile, writeFile } from 'node:fs/promises';
import { parseModel, serializeModel } from '../../shared/nodes/spam-filter/classifier.ts';
import type { SpamModel } from '../../shared/nodes/spam-filter/model.ts';

export async function loadModel(path: string): Promise<SpamModel> {
  const parsed = parseModel(await readFile(path, 'utf8'));
  if (!parsed.ok) throw new Error(`${path}: ${parsed.message}`);
  return parsed.model;
}

export async function saveModel(path: string, model: SpamModel): Promise<void> {
  await writeFile(path, serializeModel(model));
}
