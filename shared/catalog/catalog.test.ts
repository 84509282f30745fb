import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { catalog, configSchemas, DEFAULT_CONNECTION, NODE_TYPES } from './index.ts';

type JsonSchemaNode = { properties?: Record<string, { description?: string; $ref?: string }>; [key: string]: unknown };

/** Paths of object fields in a JSON Schema that have no description (a field that refers to a definition has its description). */
function undocumentedFields(schema: unknown, path = '', defs: Record<string, { description?: string }> = {}): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const node = schema as JsonSchemaNode;
  const definitions = { ...defs, ...((node.$defs as typeof defs | undefined) ?? {}) };
  const documented = (field: { description?: string; $ref?: string }) =>
    Boolean(field.description) || (field.$ref !== undefined && Boolean(definitions[field.$ref.replace('#/$defs/', '')]?.description));
  const own = Object.entries(node.properties ?? {})
    .filter(([, field]) => !documented(field))
    .map(([name]) => `${path}/${name}`);
  const nested = Object.entries(node).flatMap(([key, value]) =>
    key === 'properties' && typeof value === 'object' && value !== null
      ? Object.entries(value).flatMap(([name, field]) => undocumentedFields(field, `${path}/properties/${name}`, definitions))
      : Array.isArray(value)
        ? value.flatMap((item, i) => undocumentedFields(item, `${path}/${key}/${i}`, definitions))
        : undocumentedFields(value, `${path}/${key}`, definitions),
  );
  return [...own, ...nested];
}

describe('the node catalog', () => {
  it('declares every node type exactly once, under its own name', () => {
    expect(Object.keys(catalog).sort()).toEqual([...NODE_TYPES].sort());
    for (const type of NODE_TYPES) expect(catalog[type].type).toBe(type);
  });

  it.each(NODE_TYPES)('documents every config field of %s', (type) => {
    const schema = z.toJSONSchema(configSchemas[type], { io: 'input' });
    expect(undocumentedFields(schema)).toEqual([]);
  });

  it.each(NODE_TYPES)('gives %s palette data', (type) => {
    const declaration = catalog[type];
    expect(declaration.label).not.toBe('');
    expect(declaration.doc).not.toBe('');
    expect(declaration.icon).not.toBe('');
    expect(declaration.color).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('gives sources no inputs and sinks no outputs', () => {
    for (const declaration of Object.values(catalog)) {
      if (declaration.category === 'source') expect(declaration.inputs).toEqual([]);
      else expect(declaration.inputs.map((port) => port.name)).toEqual(['in']);
    }
    expect(catalog['sink.kafka'].outputs(configSchemas['sink.kafka'].parse({ topic: 't' }))).toEqual([]);
    expect(catalog['sink.postgres'].outputs(configSchemas['sink.postgres'].parse({ table: 't', primaryKey: ['id'] }))).toEqual([]);
  });

  it("derives a branch's outputs from its routes, plus otherwise", () => {
    const config = configSchemas.branch.parse({
      routes: [
        { port: 'high', expression: 'rating >= 4' },
        { port: 'low', expression: 'rating < 2' },
      ],
    });
    expect(catalog.branch.outputs(config).map((port) => port.name)).toEqual(['high', 'low', 'otherwise']);
  });

  it('fills in defaults from the contract', () => {
    expect(configSchemas['sink.postgres'].parse({ table: 't', primaryKey: ['id'] })).toEqual({
      connection: DEFAULT_CONNECTION,
      table: 't',
      primaryKey: ['id'],
      mode: 'upsert',
      deleteOnTombstone: true,
    });
    const spam = configSchemas['spam-filter'].parse({});
    expect(spam.rules.velocity).toEqual({ enabled: true, maxReviews: 5, within: '1h' });
    expect(spam.rules.shouting).toEqual({ enabled: false, maxCapsRatio: 0.7, minLetters: 12, maxRepeatedChars: 6 });
    expect(spam.rules.duplicateText).toEqual({ enabled: true, minWords: 8, remember: '30d', burst: { users: 5, within: '10m' } });
    expect(spam.rules.classifier.threshold).toBe(0.5);
    expect(spam.textFields).toEqual(['title', 'content']);
    expect(configSchemas['source.kafka'].parse({ topic: 'reviews' })).toEqual({ topic: 'reviews', format: 'json', startFrom: 'earliest' });
    expect(
      configSchemas.window.parse({
        keyField: 'k',
        eventTimeField: 't',
        windows: [{ name: 'a', type: 'all-time' }],
        aggregates: [{ name: 'n', fn: 'count' }],
      }).allowedLateness,
    ).toBe('0s');
  });

  it('marks the window as needing a key and an event time', () => {
    expect(catalog.window.requires).toEqual({ keyField: true, eventTimeField: true });
    expect(catalog.window.stateful).toBe(true);
  });
});
