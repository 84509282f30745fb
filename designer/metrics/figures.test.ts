import { describe, expect, it } from 'vitest';
import { displayedRate, formatRate } from './figures.ts';

describe('rates as the canvas shows them', () => {
  it.each([
    [0, '0'],
    [0.04, '0'],
    [4.24, '4.2'],
    [7, '7'],
    [37.4, '37'],
    [1234, '1.2k'],
    [2000, '2k'],
  ])('%d records/s reads %s', (rate, text) => {
    expect(formatRate(rate)).toBe(text);
  });

  it('rounds to what it shows, so a change too small to see changes nothing', () => {
    expect(displayedRate(12.2)).toBe(displayedRate(11.8));
    expect(displayedRate(4.24)).not.toBe(displayedRate(4.36));
  });
});
