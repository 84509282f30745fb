import fc from 'fast-check';
import { type ConfigArbitrary, duration, name } from '../../testing/fragments.ts';

export const configArbitrary: ConfigArbitrary = fc.record(
  {
    idField: name,
    textFields: fc.array(name, { minLength: 1, maxLength: 3 }),
    rules: fc.record(
      {
        links: fc.record({ enabled: fc.boolean(), maxLinks: fc.nat(5) }, { requiredKeys: [] }),
        velocity: fc.record({ maxReviews: fc.integer({ min: 1, max: 9 }), within: duration }, { requiredKeys: [] }),
        classifier: fc.record({ threshold: fc.double({ min: 0, max: 1, noNaN: true }) }, { requiredKeys: [] }),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);
