// branch: the first route whose expression is true gets the record, `otherwise`
// gets the rest. A tombstone goes to every port: a delete must reach wherever the
// record it deletes may have gone.
import type { NodeFactory } from '../../engine/node-implementation.ts';
import { compilePredicate } from '../expression.ts';
import type { BranchConfig } from './declaration.ts';

export const OTHERWISE = 'otherwise';

export const branchImplementation: NodeFactory<BranchConfig> = {
  create({ config }) {
    const routes = config.routes.map((route, index) => ({
      port: route.port,
      matches: compilePredicate(route.expression, `/routes/${index}/expression`),
    }));
    const ports = [...new Set([...routes.map((route) => route.port), OTHERWISE])];
    return {
      kind: 'operators',
      stages: [
        {
          name: 'branch',
          create: () => ({
            process(record, ctx) {
              const value = record.value;
              if (value === null) {
                for (const port of ports) ctx.emit(port, record);
                return;
              }
              ctx.emit(routes.find((route) => route.matches(value))?.port ?? OTHERWISE, record);
            },
          }),
        },
      ],
    };
  },
};
