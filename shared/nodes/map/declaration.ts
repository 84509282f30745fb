import { z } from 'zod';
import { declareNode, IN_PORT } from '../../catalog/declaration.ts';
import { expressionSchema, fieldNameSchema } from '../../catalog/fields.ts';

export const mapConfigSchema = z
  .strictObject({
    pick: z.array(fieldNameSchema).optional().describe('Keep only these fields (applied first).'),
    rename: z.record(fieldNameSchema, fieldNameSchema).optional().describe('Rename fields: old name → new name.'),
    compute: z.record(fieldNameSchema, expressionSchema).optional().describe('Set fields from CEL expressions: field → expression.'),
  })
  .describe('Configuration of a map node.');

export type MapConfig = z.output<typeof mapConfigSchema>;

export const map = declareNode({
  type: 'map',
  label: 'Map',
  category: 'transform',
  doc: 'Picks, renames and computes fields of each record.',
  icon: 'ƒ',
  color: '#0d9488',
  configSchema: mapConfigSchema,
  starter: {},
  inputs: [IN_PORT],
  outputs: () => [{ name: 'out', doc: 'The reshaped records.' }],
  keyEffect: () => 'keeps',
  stateful: false,
});
