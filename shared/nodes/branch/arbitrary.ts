import fc from 'fast-check';
import { type ConfigArbitrary, expression, name } from '../../testing/fragments.ts';

export const configArbitrary: ConfigArbitrary = fc.record({
  routes: fc.array(fc.record({ port: name, expression }), { minLength: 1, maxLength: 3 }),
});
