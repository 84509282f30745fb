import fc from 'fast-check';
import { type ConfigArbitrary, name } from '../../testing/fragments.ts';

export const configArbitrary: ConfigArbitrary = fc.record(
  {
    path: fc.constantFrom('/api/courses/{courseId}/stats', '/api/products/{sku}', '/api/x/{k}/y/z'),
    keyField: name,
    keysParameter: fc.constantFrom('keys', 'ids'),
    maxKeys: fc.integer({ min: 1, max: 200 }),
  },
  { requiredKeys: ['path', 'keyField'] },
);
