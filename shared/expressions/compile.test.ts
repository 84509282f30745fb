import { describe, expect, it } from 'vitest';
import { compileExpression } from './compile.ts';

function evaluate(source: string, record: Record<string, unknown>): unknown {
  const compiled = compileExpression(source);
  if (!compiled.ok) throw new Error(`did not compile: ${compiled.message}`);
  return compiled.evaluate(record);
}

describe('CEL expressions', () => {
  it('compares JSON numbers from records with integer and double literals', () => {
    expect(evaluate('rating >= 3', { rating: 4 })).toBe(true);
    expect(evaluate('rating >= 3', { rating: 2.5 })).toBe(false);
    expect(evaluate('rating == 4', { rating: 4 })).toBe(true);
    expect(evaluate('rating > 3.5', { rating: 4 })).toBe(true);
    expect(evaluate('rating in [4, 5]', { rating: 5 })).toBe(true);
  });

  it('does arithmetic between record numbers and integer literals, in both orders', () => {
    expect(evaluate('rating * 2', { rating: 4 })).toBe(8);
    expect(evaluate('rating * 2', { rating: 4.5 })).toBe(9);
    expect(evaluate('2 * rating', { rating: 4.5 })).toBe(9);
    expect(evaluate('rating + 1', { rating: 4 })).toBe(5);
    expect(evaluate('10 - rating', { rating: 4 })).toBe(6);
    expect(evaluate('rating / 2', { rating: 5 })).toBe(2.5);
    expect(evaluate('rating % 2', { rating: 5 })).toBe(1);
    expect(evaluate('size(title) * rating', { title: 'abc', rating: 1.5 })).toBe(4.5);
  });

  it('returns plain numbers, never BigInt, so results serialise to JSON', () => {
    expect(evaluate('1 + 2', {})).toBe(3);
    expect(evaluate('[size(title), 1]', { title: 'ab' })).toEqual([2, 1]);
    expect(evaluate('{"n": 1}', {})).toEqual({ n: 1 });
  });

  it('reaches fields as top-level variables and through record', () => {
    expect(evaluate('record.rating >= 3 && rating <= 5', { rating: 4 })).toBe(true);
    expect(evaluate('record["created-at"]', { 'created-at': 'x' })).toBe('x');
    expect(evaluate('has(record.title)', { rating: 1 })).toBe(false);
    expect(evaluate('title.contains("spam")', { title: 'no spam here' })).toBe(true);
  });

  it('reports where an expression stops parsing, as a character offset', () => {
    expect(compileExpression('rating >= ')).toEqual({ ok: false, message: 'Unexpected token: EOF', position: 10 });
    expect(compileExpression('a && && b')).toMatchObject({ ok: false, position: 5 });
  });

  it('rejects expressions that can never type-check', () => {
    expect(compileExpression('"a" + 1')).toMatchObject({ ok: false, message: 'no such overload: string + int', position: 0 });
  });

  it('infers the result type where it can', () => {
    expect(compileExpression('rating >= 3')).toMatchObject({ ok: true, type: 'bool' });
    expect(compileExpression('title')).toMatchObject({ ok: true, type: 'dyn' });
    expect(compileExpression('size(title)')).toMatchObject({ ok: true, type: 'int' });
  });

  it('throws at evaluation when a record lacks a field the expression reads', () => {
    const compiled = compileExpression('missing > 1');
    expect(compiled.ok).toBe(true);
    if (compiled.ok) expect(() => compiled.evaluate({})).toThrow(/missing/);
  });
});
