import { describe, expect, it } from 'vitest';
import { describeDuration, describeWhen, listBriefly, ordinal } from './reason.ts';

describe('reason wording', () => {
  it('says durations as people do', () => {
    expect(describeDuration(3_600_000)).toBe('1 hour');
    expect(describeDuration(10 * 60_000)).toBe('10 minutes');
    expect(describeDuration(90_000)).toBe('90 seconds');
    expect(describeDuration(30 * 86_400_000)).toBe('30 days');
  });

  it('says when another review was dated, seen from this one', () => {
    expect(describeWhen(2 * 60_000)).toBe('2 minutes ago');
    expect(describeWhen(60_000)).toBe('1 minute ago');
    expect(describeWhen(45_000)).toBe('45 seconds ago');
    expect(describeWhen(-3 * 86_400_000)).toBe('dated 3 days later');
    expect(describeWhen(26 * 3_600_000)).toBe('26 hours ago');
    expect(describeWhen(200)).toBe('at the same time');
  });

  it('lists a few items with "and", and says how many more there are', () => {
    expect(listBriefly(['a'])).toBe('a');
    expect(listBriefly(['a', 'b'])).toBe('a and b');
    expect(listBriefly(['a', 'b', 'c'])).toBe('a, b and c');
    expect(listBriefly(['a', 'b', 'c', 'd', 'e'])).toBe('a, b, c and 2 more');
  });

  it('counts in ordinals', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '101st',
    ]);
  });
});
