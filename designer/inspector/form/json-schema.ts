// The slice of JSON Schema that z.toJSONSchema produces for node configs, and what the form needs to read from it.

import { z } from 'zod';
import { configSchemas, type NodeType } from '../../../shared/index.ts';

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  description?: string;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  additionalProperties?: boolean | JsonSchema;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  /** The field names a record field: of the records reaching the node, or of the node's own schema (a picker offers them). */
  'x-sluice-field'?: 'input' | 'schema';
};

const cache = new Map<NodeType, JsonSchema>();

/** The config schema of a node type as JSON Schema (input side, so defaulted fields are optional and show defaults). */
export function configJsonSchema(type: NodeType): JsonSchema {
  let schema = cache.get(type);
  if (!schema) {
    schema = dereferenced(z.toJSONSchema(configSchemas[type], { io: 'input', unrepresentable: 'any' }) as JsonSchema);
    cache.set(type, schema);
  }
  return schema;
}

/**
 * The schema with every `$ref` to its `$defs` replaced by the definition itself. A recursive schema (a record
 * schema's object fields hold fields) becomes a cyclic object graph: the form only descends as deep as the value
 * it shows, so the cycle is never walked to its end.
 */
export function dereferenced(root: JsonSchema): JsonSchema {
  const defs = root.$defs ?? {};
  const resolved = new Map<string, JsonSchema>();
  function walk(node: unknown): unknown {
    if (Array.isArray(node)) return node.map(walk);
    if (typeof node !== 'object' || node === null) return node;
    const ref = (node as JsonSchema).$ref;
    if (typeof ref === 'string' && ref.startsWith('#/$defs/')) {
      const name = ref.slice('#/$defs/'.length);
      const known = resolved.get(name);
      if (known) return known;
      const target: JsonSchema = {};
      resolved.set(name, target);
      Object.assign(target, walk(defs[name] ?? {}));
      return target;
    }
    const copy: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      // Values, not schemas: a default or an enum is copied as it is.
      if (key === '$defs') continue;
      copy[key] = key === 'default' || key === 'const' || key === 'enum' ? value : walk(value);
    }
    return copy;
  }
  return walk(root) as JsonSchema;
}

/** The schema of each value of a map (`additionalProperties`), when the values are objects with a form of their own. */
export function mapValueSchema(schema: JsonSchema): JsonSchema | undefined {
  const values = schema.additionalProperties;
  if (typeof values !== 'object' || values === null) return undefined;
  return variantsOf(values) || typeOf(values) === 'object' ? values : undefined;
}

export function variantsOf(schema: JsonSchema): JsonSchema[] | undefined {
  return schema.oneOf ?? schema.anyOf;
}

/** The property whose `const` tells the variants of a discriminated union apart (window `type`, aggregate `fn`). */
export function discriminatorOf(variants: JsonSchema[]): string | undefined {
  const first = variants[0]?.properties ?? {};
  return Object.keys(first).find((key) => variants.every((variant) => variantTag(variant.properties?.[key]) !== undefined));
}

/** The values a variant's discriminator takes: a const, or an enum (aggregate fn: sum|avg|min|max). */
export function variantTag(schema: JsonSchema | undefined): unknown[] | undefined {
  if (!schema) return undefined;
  if (schema.const !== undefined) return [schema.const];
  return schema.enum;
}

export function typeOf(schema: JsonSchema): string | undefined {
  return Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
}

/** Durations are strings with the shared duration pattern; they get a parseDuration check as you type. */
export function isDurationSchema(schema: JsonSchema): boolean {
  return typeOf(schema) === 'string' && (schema.pattern?.includes('(ms|s|m|h|d|w)') ?? false);
}

/** A starting value for a new list item or a variant switch: defaults and consts, empty strings for the rest. */
export function blankValue(schema: JsonSchema): unknown {
  if (schema.default !== undefined) return schema.default;
  if (schema.const !== undefined) return schema.const;
  const variants = variantsOf(schema);
  if (variants?.[0]) return blankValue(variants[0]);
  if (schema.enum) return schema.enum[0];
  switch (typeOf(schema)) {
    case 'object':
      return Object.fromEntries(
        (schema.required ?? []).map((key) => [key, schema.properties?.[key] ? blankValue(schema.properties[key]) : '']),
      );
    case 'array':
      return [];
    case 'boolean':
      return false;
    case 'number':
    case 'integer':
      return 0;
    default:
      return '';
  }
}
