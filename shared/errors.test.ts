import { describe, expect, it } from 'vitest';
import { assertNever } from './errors.ts';

describe('assertNever', () => {
  it('throws with the unexpected value when a case slipped through at run time', () => {
    expect(() => assertNever('surprise' as never)).toThrow('unexpected value: "surprise"');
  });
});
