import fc from 'fast-check';
import { type ConfigArbitrary, duration, name } from '../../testing/fragments.ts';

const field = fc.oneof(
  fc.record({ type: fc.constant('string'), maxLength: fc.integer({ min: 1, max: 200 }) }, { requiredKeys: ['type'] }),
  fc.record({ type: fc.constant('string'), format: fc.constantFrom('date-time', 'multiline') }),
  fc.record({ type: fc.constantFrom('number', 'integer'), minimum: fc.integer({ min: -5, max: 5 }) }, { requiredKeys: ['type'] }),
  fc.record({ type: fc.constant('boolean') }),
);

export const configArbitrary: ConfigArbitrary = fc
  .tuple(
    name,
    fc.dictionary(name, field, { maxKeys: 4 }),
    fc.constantFrom('/api/reviews', '/api/ratings', '/api/x/y'),
    fc.boolean(),
    duration,
  )
  .map(([key, fields, path, allowDelete, maxFuture]) => ({
    path,
    keyField: key,
    schema: { type: 'object', properties: { [key]: { type: 'string', minLength: 1 }, ...fields }, required: [key] },
    allowDelete,
    maxFuture,
  }));
