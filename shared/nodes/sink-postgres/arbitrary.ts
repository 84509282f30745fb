import fc from 'fast-check';
import { type ConfigArbitrary, name } from '../../testing/fragments.ts';

export const configArbitrary: ConfigArbitrary = fc.record(
  {
    table: fc.constantFrom('reviews_valid', 'public.course_stats'),
    primaryKey: fc.array(fc.constantFrom('id', 'courseId'), { minLength: 1, maxLength: 2 }),
    mode: fc.constantFrom('upsert', 'append'),
    deleteOnTombstone: fc.boolean(),
    columns: fc.dictionary(fc.constantFrom('id', 'rating'), name, { maxKeys: 2 }),
  },
  { requiredKeys: ['table', 'primaryKey'] },
);
