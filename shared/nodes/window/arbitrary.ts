import fc from 'fast-check';
import { type ConfigArbitrary, duration, name } from '../../testing/fragments.ts';

export const configArbitrary: ConfigArbitrary = fc.record(
  {
    keyField: name,
    eventTimeField: name,
    idField: name,
    windows: fc.array(
      fc.oneof(
        fc.record({ name, type: fc.constant('all-time') }),
        fc.record({ name, type: fc.constantFrom('tumbling', 'sliding'), size: duration }),
        fc.record({ name, type: fc.constant('hopping'), size: duration, advance: duration }),
      ),
      { minLength: 1, maxLength: 3 },
    ),
    aggregates: fc.array(
      fc.oneof(
        fc.record({ name, fn: fc.constant('count') }),
        fc.record({ name, fn: fc.constantFrom('sum', 'avg', 'min', 'max'), field: name }),
      ),
      { minLength: 1, maxLength: 3 },
    ),
    allowedLateness: duration,
  },
  { requiredKeys: ['keyField', 'eventTimeField', 'windows', 'aggregates'] },
);
