import fc from 'fast-check';
import { type ConfigArbitrary, name } from '../../testing/fragments.ts';

export const configArbitrary: ConfigArbitrary = fc.record(
  { topic: fc.constantFrom('out', 'course-stats'), keyField: name, compacted: fc.boolean(), partitions: fc.integer({ min: 1, max: 12 }) },
  { requiredKeys: ['topic'] },
);
