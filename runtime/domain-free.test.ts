// The runtime is the drivers and the control plane: the review application lives in its pipeline
// (pipelines/review-stats.json) and its nodes (shared/nodes/), never here. Tests and their helpers may
// use it; the runtime may name the project's fixture files (the default pipeline, the spam corpora),
// never know what is in them.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('.', import.meta.url).pathname;
/** The spam filter's own Node side: it reads data/'s labelled corpora by family, review sentences among them. */
const SPAM_FILTER_IO = 'spam/';

function productFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'testing' ? [] : productFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const FIXTURE_NAMES = /pipelines\/review-stats\.json|review-stats\.json/g;
const DOMAIN = /\b(review|course)/i;

describe('runtime/', () => {
  it('knows no reviews or courses outside tests and fixtures', () => {
    const files = productFiles(root).filter((file) => !relative(root, file).startsWith(SPAM_FILTER_IO));
    expect(files.length).toBeGreaterThan(60);
    const found = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, index) =>
          DOMAIN.test(line.replace(FIXTURE_NAMES, '')) ? [`${relative(root, file)}:${index + 1}: ${line.trim()}`] : [],
        ),
    );
    expect(found).toEqual([]);
  });
});
