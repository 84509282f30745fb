import { z } from 'zod';
import { declareNode, IN_PORT } from '../../catalog/declaration.ts';
import { expressionSchema } from '../../catalog/fields.ts';

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
  color: '#0891b2',
  configSchema: filterConfigSchema,
  starter: { expression: 'rating >= 1' },
  inputs: [IN_PORT],
  outputs: () => [{ name: 'out', doc: 'Records where the condition is true.' }],
  keyEffect: () => 'keeps',
  stateful: false,
});
