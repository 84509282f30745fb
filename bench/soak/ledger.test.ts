import { describe, expect, it } from 'vitest';
import { Ledger } from './ledger.ts';

const observed = (valid: string[], spam: string[] = []) => ({ valid: new Set(valid), spam: new Set(spam) });

describe('the soak ledger', () => {
  it('finds a review acknowledged as stored that the pipeline kept nowhere', () => {
    const ledger = new Ledger();
    ledger.record('r1', 'put', 'stored');
    ledger.record('r2', 'put', 'stored');
    expect(ledger.judge(observed(['r1']))).toMatchObject({ lost: ['r2'], settled: 2 });
  });

  it('counts a spam review as kept, and one both valid and spam as duplicated', () => {
    const ledger = new Ledger();
    ledger.record('r1', 'put', 'stored');
    ledger.record('r2', 'put', 'stored');
    expect(ledger.judge(observed(['r2'], ['r1', 'r2']))).toMatchObject({ lost: [], duplicated: ['r2'] });
  });

  it('expects an acknowledged delete to leave nothing, and says so when it did not', () => {
    const ledger = new Ledger();
    ledger.record('r1', 'put', 'stored');
    ledger.record('r1', 'delete', 'stored');
    expect(ledger.judge(observed([]))).toMatchObject({ lost: [], resurrected: [] });
    expect(ledger.judge(observed(['r1']))).toMatchObject({ resurrected: ['r1'] });
  });

  it('does not judge a review whose last write may or may not have been stored, until a retry is acknowledged', () => {
    const ledger = new Ledger();
    ledger.record('r1', 'put', 'stored');
    ledger.record('r1', 'delete', 'unknown');
    expect(ledger.judge(observed(['r1']))).toMatchObject({ resurrected: [], settled: 0, inDoubt: 1 });
    ledger.record('r1', 'delete', 'stored');
    expect(ledger.judge(observed(['r1']))).toMatchObject({ resurrected: ['r1'], settled: 1, inDoubt: 0 });
  });

  it('promises nothing for a write that was refused before it was stored', () => {
    const ledger = new Ledger();
    ledger.record('r1', 'put', 'not-stored');
    expect(ledger.judge(observed([]))).toMatchObject({ lost: [], settled: 0 });
  });
});
