import { z } from 'zod';
import { declareNode, IN_PORT } from '../../catalog/declaration.ts';
import { expressionSchema } from '../../catalog/fields.ts';
import { expressionProblems } from '../../validation/config-problems.ts';

export const filterConfigSchema = z
  .strictObject({
    expression: expressionSchema.describe('A CEL condition, e.g. rating >= 3; records where it is false are dropped.'),
  })
  .describe('Configuration of a filter node.');

export type FilterConfig = z.output<typeof filterConfigSchema>;

export const filter = declareNode({
  type: 'filter',
  label: 'Filter',
  category: 'transform',
  doc: 'Keeps the records for which a CEL condition is true.',
  icon: '⊻',
  iconPaths: ['M2 3h12l-4.5 5.2V13l-3 1.2v-6z'],
  color: '#0891b2',
  configSchema: filterConfigSchema,
  starter: { expression: 'rating >= 1' },
  inputs: [IN_PORT],
  outputs: () => [{ name: 'out', doc: 'Records where the condition is true.' }],
  keyEffect: () => 'keeps',
  stateful: false,
  configIssues: (config) => expressionProblems(config.expression, ['expression'], true),
});
