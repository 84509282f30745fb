import fc from 'fast-check';
import { type ConfigArbitrary, expression, name } from '../../testing/fragments.ts';

export const configArbitrary: ConfigArbitrary = fc.record(
  {
    pick: fc.array(name, { maxLength: 3 }),
    rename: fc.dictionary(name, name, { maxKeys: 2 }),
    compute: fc.dictionary(name, expression, { maxKeys: 2 }),
  },
  { requiredKeys: [] },
);
