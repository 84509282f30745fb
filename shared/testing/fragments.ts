// fast-check pieces the node folders' config generators (shared/nodes/<type>/arbitrary.ts) share.
import fc from 'fast-check';

/** A plausible field, port or window name. */
export const name = fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,8}$/);

export const duration = fc.oneof(fc.constantFrom('0s', '1h', '90d', '500ms', '2w', '15m'), fc.stringMatching(/^[0-9]{1,3}(ms|s|m|h|d|w)$/));

export const expression = fc.constantFrom(
  'rating >= 3',
  'record.rating > 4.5',
  'title.contains("x")',
  'rating * 2 > 5',
  'true',
  'size(title) > 3',
);

/** What each node folder's arbitrary.ts exports: configs of its type, mostly valid, some not. */
export type ConfigArbitrary = fc.Arbitrary<Record<string, unknown>>;
