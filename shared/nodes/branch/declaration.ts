import { z } from 'zod';
import { declareNode, IN_PORT } from '../../catalog/declaration.ts';
import { expressionSchema } from '../../catalog/fields.ts';
import { duplicateNames, expressionProblems } from '../../validation/config-problems.ts';

export const OTHERWISE_PORT = 'otherwise';

export const portNameSchema = z
  .string()
  .regex(/^[a-z][a-zA-Z0-9_-]{0,62}$/, 'must be a port name like highRated or low-rated')
  .describe('The output port the matching records leave by.');

export const branchConfigSchema = z
  .strictObject({
    routes: z
      .array(
        z.strictObject({
          port: portNameSchema,
          expression: expressionSchema.describe('A CEL condition; the first route whose condition is true wins.'),
        }),
      )
      .min(1, 'needs at least one route')
      .describe('The routes, tried in order.'),
  })
  .describe('Configuration of a branch node.');

export type BranchConfig = z.output<typeof branchConfigSchema>;

export const branch = declareNode({
  type: 'branch',
  label: 'Branch',
  category: 'transform',
  doc: 'Routes each record to the first port whose condition holds.',
  icon: '⑂',
  iconPaths: ['M4 2v12M4 9c0-3.5 2.5-5 8-5M10 2l2 2-2 2'],
  color: '#ca8a04',
  configSchema: branchConfigSchema,
  starter: { routes: [{ port: 'matched', expression: 'rating >= 4' }] },
  inputs: [IN_PORT],
  outputs: (config) => [
    ...config.routes.map((route) => ({ name: route.port, doc: `Records where ${route.expression}` })),
    { name: OTHERWISE_PORT, doc: 'Records no route matched.' },
  ],
  keyEffect: () => 'keeps',
  stateful: false,
  configIssues: (config) => [
    ...config.routes.flatMap((route, i) => expressionProblems(route.expression, ['routes', i, 'expression'], true)),
    ...duplicateNames(
      config.routes.map((route) => route.port),
      ['routes'],
      'port',
      'output port',
      [OTHERWISE_PORT],
    ),
  ],
});
