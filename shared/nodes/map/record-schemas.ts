// The records a map gives, from those it takes: pick, then rename, then computed fields (their type from the CEL
// type checker when it knows it, any value otherwise).
import { compileExpression } from '../../expressions/compile.ts';
import { ANY_FIELD, type FieldSchema, type RecordSchema } from '../../records/record-schema.ts';
import { hasField } from '../../records/schema-fields.ts';
import type { ConfigProblem } from '../../validation/config-problems.ts';
import type { MapConfig } from './declaration.ts';

function computedField(source: string): FieldSchema {
  const compiled = compileExpression(source);
  if (!compiled.ok) return ANY_FIELD;
  if (compiled.type === 'bool') return { type: 'boolean' };
  if (compiled.type === 'int' || compiled.type === 'uint') return { type: 'integer' };
  if (compiled.type === 'double') return { type: 'number' };
  if (compiled.type === 'string') return { type: 'string' };
  return ANY_FIELD;
}

export function mapOutputSchema(config: MapConfig, input: RecordSchema): RecordSchema {
  const picked = config.pick ? new Set(config.pick) : undefined;
  const properties: Record<string, FieldSchema> = {};
  const required = new Set<string>();
  for (const [name, field] of Object.entries(input.properties)) {
    if (picked && !picked.has(name)) continue;
    const renamed = config.rename?.[name] ?? name;
    properties[renamed] = field;
    if ((input.required ?? []).includes(name)) required.add(renamed);
  }
  for (const [name, source] of Object.entries(config.compute ?? {})) {
    properties[name] = computedField(source);
    required.add(name);
  }
  return {
    type: 'object',
    properties,
    ...(required.size > 0 ? { required: [...required] } : {}),
    ...(input.additionalProperties && !picked ? { additionalProperties: true } : {}),
  };
}

export function mapInputIssues(config: MapConfig, input: RecordSchema): ConfigProblem[] {
  const missing = (path: PropertyKey[], what: string, field: string): ConfigProblem => ({
    code: 'schema-mismatch',
    path,
    message: `the map ${what} \`${field}\`, but records reaching it have no \`${field}\``,
  });
  return [
    ...(config.pick ?? []).flatMap((field, index) => (hasField(input, field) ? [] : [missing(['pick', index], 'keeps', field)])),
    ...Object.keys(config.rename ?? {}).flatMap((field) => (hasField(input, field) ? [] : [missing(['rename', field], 'renames', field)])),
  ];
}
