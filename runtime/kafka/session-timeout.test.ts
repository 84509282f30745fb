import { describe, expect, it } from 'vitest';
import { DEFAULT_SESSION_TIMEOUT_MS, SessionTimeoutError, sessionTimeoutFromEnv } from './session-timeout.ts';

describe('the group session timeout', () => {
  it('is 10 s unless SLUICE_SESSION_TIMEOUT_MS says otherwise', () => {
    expect(sessionTimeoutFromEnv(undefined)).toBe(DEFAULT_SESSION_TIMEOUT_MS);
    expect(sessionTimeoutFromEnv('')).toBe(DEFAULT_SESSION_TIMEOUT_MS);
    expect(sessionTimeoutFromEnv('6000')).toBe(6000);
  });

  it('refuses what the broker would refuse, and what is not a number of milliseconds', () => {
    for (const value of ['5999', '1800001', '6s', '6500.5', '-1']) expect(() => sessionTimeoutFromEnv(value)).toThrow(SessionTimeoutError);
  });
});
