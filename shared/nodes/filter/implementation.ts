// filter: keeps the records for which the CEL expression is true; the others are
// dropped and counted. Tombstones pass: a delete cannot be judged by content, and
// dropping it would leave a stale row downstream.
import type { NodeFactory } from '../../engine/node-implementation.ts';
import { compilePredicate } from '../expression.ts';
import type { FilterConfig } from './declaration.ts';

export const filterImplementation: NodeFactory<FilterConfig> = {
  create({ config }) {
    const keep = compilePredicate(config.expression, '/expression');
    return {
      kind: 'operators',
      stages: [
        {
          name: 'filter',
          create: () => ({
            process(record, ctx) {
              if (record.value === null || keep(record.value)) ctx.emit('out', record);
              else ctx.drop('filter-false');
            },
          }),
        },
      ],
    };
  },
};
