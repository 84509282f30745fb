import { describe, expect, it } from 'vitest';
import { numberOption, parseArgs, rateOption } from './args.ts';
import { UsageError } from './command.ts';

describe('parseArgs', () => {
  it('separates options, flags and positional arguments', () => {
    const { options, positional } = parseArgs(['file.json', '--rate', '2000/s', '--json', '--seed=7'], ['json']);
    expect(positional).toEqual(['file.json']);
    expect(Object.fromEntries(options)).toEqual({ rate: '2000/s', json: 'true', seed: '7' });
  });

  it('says which option lacks its value', () => {
    expect(() => parseArgs(['--count'])).toThrow(new UsageError('--count needs a value'));
  });
});

describe('option values', () => {
  it('reads numbers with underscores and refuses words', () => {
    expect(numberOption(new Map([['count', '100_000']]), 'count', 1)).toBe(100_000);
    expect(numberOption(new Map(), 'count', 5)).toBe(5);
    expect(() => numberOption(new Map([['count', 'many']]), 'count', 1)).toThrow("--count must be a non-negative number, not 'many'");
  });

  it('reads rates per second, or max for as fast as possible', () => {
    expect(rateOption('2000/s')).toBe(2000);
    expect(rateOption('150')).toBe(150);
    expect(rateOption('max')).toBeUndefined();
    expect(() => rateOption('fast')).toThrow('--rate takes a rate like 2000/s');
  });
});
