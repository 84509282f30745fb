import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseModel, predict } from '../../../shared/nodes/spam-filter/classifier.ts';
import { UsageError } from '../command.ts';
import { trainSpam } from './train-spam.ts';

const folder = mkdtempSync(join(tmpdir(), 'sluice-train-spam-'));

function file(name: string, text: string): string {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((line: unknown) => void out.push(String(line)));
  vi.spyOn(console, 'error').mockImplementation((line: unknown) => void err.push(String(line)));
  const code = await trainSpam.run(args);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

// Twenty of each, varied enough that both sides of a 25% holdout have both classes.
const spamLines = Array.from({ length: 20 }, (_, i) => `spam,"win a free prize ${i}, click now"`);
const hamLines = Array.from({ length: 20 }, (_, i) => `ham,"lecture ${i} was clear and useful"`);
const labelledCsv = ['text_id,label,text', ...[...spamLines, ...hamLines].map((line, i) => `${i},${line}`)].join('\n');

afterEach(() => {
  vi.restoreAllMocks();
});

describe('sluice train-spam', () => {
  it('trains on a text,label CSV, prints held-out figures and writes a usable model', async () => {
    const out = join(folder, 'out/model.json');
    const result = await run(file('labelled.csv', labelledCsv), '--out', out, '--holdout', '0.25', '--seed', '7');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/\| filter @ 0\.5 \| labelled\.csv \| 10 \| 5 \|/);
    expect(result.out).toMatch(/\| rules alone \| labelled\.csv \| 10 \|/);
    const parsed = parseModel(readFileSync(out, 'utf8'));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.model.trainedOn.examples).toBe(30);
    expect(predict(parsed.model, 'click now to win a free prize')).toBeGreaterThan(0.5);
  });

  it('with --evaluate, leaves each source out in turn, prints its figures and the curve over the threshold, and writes no model', async () => {
    const other = file('other.csv', ['label,text', ...spamLines.map((line) => line.replace('win', 'claim')), ...hamLines].join('\n'));
    const progress: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => Boolean(progress.push(String(chunk))));
    const result = await run(file('labelled.csv', labelledCsv), other, '--evaluate', '--threshold', '0.5');
    expect(result.code).toBe(0);
    expect(result.out).toContain('## Each source left out of training, then tested on (threshold 0.5, default rules)');
    expect(result.out).toMatch(/\| labelled\.csv \| rules \+ classifier \| 40 \| 20 \|/);
    expect(result.out).toMatch(/\| other\.csv \| classifier alone \| 40 \| 20 \|/);
    expect(result.out).toMatch(/\| threshold \| all: precision % \| recall % \| false positives % \|/);
    expect(result.out).toMatch(/\| 0\.50 \|/);
    expect(result.out).toContain('## The shipped model on its own held-out split (seed 42, holdout 0.2)');
    expect(progress.join('')).toMatch(/\] 1\/3 training without other\.csv/);
    expect(progress.join('')).toMatch(/\] 3\/3 done/);
  });

  it('exits 2 with the reason for a file that is not labelled data', async () => {
    const result = await run(file('people.csv', 'name,age\nann,3\n'), '--out', join(folder, 'never.json'));
    expect(result.code).toBe(2);
    expect(result.err).toContain('people.csv: not a labelled corpus');
  });

  it('exits 2 for a path that does not exist', async () => {
    const result = await run(join(folder, 'missing.csv'));
    expect(result.code).toBe(2);
    expect(result.err).toContain('no such file or folder');
  });

  it('exits 2 when the data has only one class', async () => {
    const result = await run(
      file('ham-only.csv', ['text,label', ...hamLines.map((line) => line.split(',').reverse().join(','))].join('\n')),
    );
    expect(result.code).toBe(2);
    expect(result.err).toContain('both spam and ham');
  });

  it('refuses a holdout outside (0, 1)', async () => {
    await expect(run('x.csv', '--holdout', '1')).rejects.toThrow(UsageError);
  });

  it('refuses unknown options', async () => {
    await expect(run('x.csv', '--epochs', '3')).rejects.toThrow(UsageError);
  });
});
