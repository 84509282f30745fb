import { describe, expect, it } from 'vitest';
import { IdleDecision } from './idle-decision.ts';

describe('when a supervisor stops its service', () => {
  it('keeps it while any client holds a lease', () => {
    const decision = new IdleDecision(10_000);
    expect(decision.observe(0, 2, 0)).toBe('keep');
    expect(decision.observe(500, 1, 0)).toBe('keep');
  });

  it('stops at once when the last client left cleanly', () => {
    const decision = new IdleDecision(10_000);
    decision.observe(0, 1, 0);
    expect(decision.observe(500, 0, 0)).toBe('stop');
  });

  it('waits the grace period when the last client died, and stops after it', () => {
    const decision = new IdleDecision(10_000);
    decision.observe(0, 1, 0);
    expect(decision.observe(500, 0, 1)).toBe('keep');
    expect(decision.observe(9_000, 0, 0)).toBe('keep');
    expect(decision.observe(10_500, 0, 0)).toBe('stop');
  });

  it('keeps the service when a client attaches within the grace period, and starts a new one when all leave again', () => {
    const decision = new IdleDecision(10_000);
    decision.observe(0, 1, 0);
    decision.observe(500, 0, 1);
    expect(decision.observe(3_000, 1, 0)).toBe('keep');
    expect(decision.observe(20_000, 1, 0)).toBe('keep');
    expect(decision.observe(20_500, 0, 0)).toBe('stop');
  });

  it('stops at once when the last of two clients leaves cleanly after the other died', () => {
    const decision = new IdleDecision(10_000);
    decision.observe(0, 2, 0);
    expect(decision.observe(500, 1, 1)).toBe('keep');
    expect(decision.observe(1_000, 0, 0)).toBe('stop');
  });
});
