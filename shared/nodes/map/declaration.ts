import { z } from 'zod';
import { declareNode, IN_PORT } from '../../catalog/declaration.ts';
import { expressionSchema, fieldNameSchema, inputFieldSchema } from '../../catalog/fields.ts';
import { expressionProblems } from '../../validation/config-problems.ts';
import { mapInputIssues, mapOutputSchema } from './record-schemas.ts';

export const mapConfigSchema = z
  .strictObject({
    pick: z.array(inputFieldSchema).optional().describe('Keep only these fields (applied first).'),
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
  iconPaths: ['M11 2.5c-2.2-.3-3 .8-3.4 3L6.4 11c-.4 2-1.3 2.7-3 2.4M4.5 6.5h6'],
  color: '#0d9488',
  configSchema: mapConfigSchema,
  starter: {},
  inputs: [IN_PORT],
  outputs: () => [{ name: 'out', doc: 'The reshaped records.' }],
  outputSchema: (config, input) => (input ? mapOutputSchema(config, input) : undefined),
  inputIssues: mapInputIssues,
  keyEffect: () => 'keeps',
  stateful: false,
  configIssues: (config) =>
    Object.entries(config.compute ?? {}).flatMap(([field, source]) => expressionProblems(source, ['compute', field], false)),
});
