import fc from 'fast-check';
import { type ConfigArbitrary, expression } from '../../testing/fragments.ts';

export const configArbitrary: ConfigArbitrary = fc.record({ expression });
