// Each node type is one folder registered by one line; these checks keep it so.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalog, configSchemas, NODE_TYPES } from '../catalog/index.ts';
import { folderOf } from '../testing/arbitraries.ts';
import { nodeFactories } from './index.ts';

const here = new URL('./', import.meta.url);
const fileOf = (folder: string, name: string) => new URL(`${folder}/${name}`, here);

/** Relative specifiers a file imports values from (type imports are erased, so they cannot form a loading cycle). */
function valueImportsOf(path: URL): string[] {
  return [...readFileSync(path, 'utf8').matchAll(/^(?:import|export) (?!type )[^;]*? from '(\.[^']+)'/gms)].map((match) => match[1] ?? '');
}

function sourcesUnder(folder: URL): URL[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = new URL(entry.name + (entry.isDirectory() ? '/' : ''), folder);
    if (entry.isDirectory()) return sourcesUnder(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('node folders', () => {
  it.each(NODE_TYPES)('%s has its folder: declaration, implementation, index, README, config generator and a test', (type) => {
    const folder = folderOf(type);
    for (const name of ['declaration.ts', 'implementation.ts', 'index.ts', 'README.md', 'arbitrary.ts'])
      expect(existsSync(fileOf(folder, name)), `${folder}/${name}`).toBe(true);
    expect(readdirSync(new URL(`${folder}/`, here)).some((name) => name.endsWith('.test.ts'))).toBe(true);
    expect(readFileSync(fileOf(folder, 'README.md'), 'utf8')).toMatch(new RegExp(`^# ${type.replace('.', '\\.')}\\n`));
  });

  it.each(NODE_TYPES)('%s has an implementation and a starter the form can show', (type) => {
    expect(typeof nodeFactories[type].create).toBe('function');
    // A starter may hold placeholders (an empty sink topic) but never a field the schema does not know.
    const issues = configSchemas[type].safeParse(catalog[type].starter).error?.issues ?? [];
    expect(issues.filter((issue) => issue.code === 'unrecognized_keys')).toEqual([]);
  });

  it('node folders never import the barrels that load the node list they are part of, nor does the engine', () => {
    const barrels = new Map([
      [new URL('../index.ts', here).href, 'the shared barrel'],
      [new URL('../catalog/index.ts', here).href, 'the catalog'],
      [new URL('./index.ts', here).href, 'the node list'],
    ]);
    const nodeFiles = readdirSync(here, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== 'testing')
      .flatMap((entry) => sourcesUnder(new URL(`${entry.name}/`, here)));
    const engineFiles = sourcesUnder(new URL('../engine/', here)).filter((file) => !file.pathname.includes('/testing/'));
    // The engine may read the catalog (node-metrics folds ports by declaration): the catalog loads the nodes, which
    // load engine files, never the engine's metrics.
    const forbidden = (file: URL, target: string) =>
      barrels.has(target) && !(engineFiles.includes(file) && barrels.get(target) === 'the catalog');
    const offenders = [...nodeFiles, ...engineFiles].flatMap((file) =>
      valueImportsOf(file)
        .filter((specifier) => forbidden(file, new URL(specifier, file).href))
        .map((specifier) => `${file.pathname.split('/shared/').pop()} imports ${specifier}`),
    );
    expect(nodeFiles.length).toBeGreaterThan(20);
    expect(offenders).toEqual([]);
  });
});
