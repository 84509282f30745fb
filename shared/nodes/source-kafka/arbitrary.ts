import fc from 'fast-check';
import { type ConfigArbitrary, name } from '../../testing/fragments.ts';

export const configArbitrary: ConfigArbitrary = fc.record(
  {
    topic: fc.constantFrom('reviews', 'in.topic'),
    format: fc.constant('json'),
    keyField: name,
    eventTimeField: name,
    startFrom: fc.constantFrom('earliest', 'latest'),
  },
  { requiredKeys: ['topic'] },
);
