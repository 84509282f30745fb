import { describe, expect, it } from 'vitest';
import { failureKind, failureMessage } from './sink-failure.ts';

describe('a sink write failure', () => {
  it('is a refusal when PostgreSQL rejects the data itself', () => {
    expect(failureKind({ code: '22021', message: 'invalid byte sequence for encoding "UTF8": 0x00' })).toBe('refused');
    expect(failureKind({ code: '22003', message: 'value out of range' })).toBe('refused');
    expect(failureKind({ code: '22P02', message: 'invalid input syntax for type double precision' })).toBe('refused');
    expect(failureKind({ code: '23502', message: 'null value violates not-null constraint' })).toBe('refused');
    expect(failureKind({ code: '54000', message: 'row is too big' })).toBe('refused');
  });

  it('is an outage when the database or the network is the problem', () => {
    expect(failureKind({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:5432' })).toBe('outage');
    expect(failureKind({ code: '57P01', message: 'terminating connection due to administrator command' })).toBe('outage');
    expect(failureKind({ code: '40P01', message: 'deadlock detected' })).toBe('outage');
    expect(failureKind({ code: '53300', message: 'too many connections' })).toBe('outage');
    expect(failureKind(new Error('Connection terminated unexpectedly'))).toBe('outage');
  });

  it('says what PostgreSQL said, with its code', () => {
    expect(failureMessage({ code: '22021', message: 'invalid byte sequence' })).toBe('invalid byte sequence (22021)');
  });
});
