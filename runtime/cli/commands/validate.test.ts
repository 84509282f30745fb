import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../command.ts';
import { validate } from './validate.ts';
import { lineAndColumn, parseJson, syntaxErrorOffset } from './validate-json.ts';

const folder = mkdtempSync(join(tmpdir(), 'sluice-validate-'));
const defaultPipeline = join(import.meta.dirname, '../../../pipelines/review-stats.json');

function file(name: string, text: string): string {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

async function run(...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((line: unknown) => void out.push(String(line)));
  vi.spyOn(console, 'error').mockImplementation((line: unknown) => void err.push(String(line)));
  const code = await validate.run(args);
  return { code, out, err };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('sluice validate', () => {
  it('prints ok and exits 0 for the default pipeline', async () => {
    expect(await run(defaultPipeline)).toEqual({ code: 0, out: ['ok'], err: [] });
  });

  it('prints one path: message line per issue and exits 1', async () => {
    const pipeline = {
      format: 1,
      id: 'broken',
      name: 'Broken',
      nodes: [
        { id: 'in', type: 'source.kafka', config: { topic: 'reviews' } },
        { id: 'keep', type: 'filter', config: { expression: 'rating >=' } },
      ],
      edges: [{ from: { node: 'in', port: 'out' }, to: { node: 'keep', port: 'in' } }],
    };
    const result = await run(file('broken.json', JSON.stringify(pipeline)));
    expect(result.code).toBe(1);
    expect(result.out).toEqual([
      "/nodes/1/config/expression: the expression 'rating >=' is not valid CEL at character 9: Unexpected token: EOF",
    ]);
  });

  it('exits 2 with the line and column of a JSON syntax error', async () => {
    const result = await run(file('bad.json', '{\n  "format": 1,\n  "id" "x"\n}'));
    expect(result.code).toBe(2);
    expect(result.err).toHaveLength(1);
    // The reason after the position is V8's own wording, which differs between Node versions.
    expect(result.err[0]).toMatch(/^sluice validate: .*bad\.json is not valid JSON: line 3, column 8: \S/);
  });

  it('exits 2 when the file cannot be read', async () => {
    const result = await run(join(folder, 'missing.json'));
    expect(result.code).toBe(2);
    expect(result.err[0]).toMatch(/^sluice validate: cannot read .*missing\.json: .*ENOENT/);
  });

  it('needs exactly one file', async () => {
    await expect(validate.run([])).rejects.toThrow(UsageError);
    await expect(validate.run(['a.json', 'b.json'])).rejects.toThrow(UsageError);
  });
});

describe('JSON syntax error positions', () => {
  it.each([
    ['[1,]', 1, 4],
    ['{"a": tru}', 1, 10],
    ['{\n  "a": 1,\n  x\n}', 3, 3],
    ['{"a":', 1, 6],
    ['', 1, 1],
    ['[1, 2] x', 1, 8],
  ])('finds the error in %j at line %i, column %i', (text, line, column) => {
    expect(parseJson(text)).toMatchObject({ ok: false, line, column });
  });

  it('agrees with JSON.parse on what is valid', () => {
    for (const text of ['{}', '[]', '"a\\u00e9"', '-1.5e3', ' {"a": [true, false, null]} ']) {
      expect(syntaxErrorOffset(text)).toBe(text.length);
      expect(parseJson(text)).toEqual({ ok: true, value: JSON.parse(text) });
    }
  });

  it('counts lines and columns from 1', () => {
    expect(lineAndColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});
