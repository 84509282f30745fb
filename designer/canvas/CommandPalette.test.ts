import { describe, expect, it } from 'vitest';
import { matchingTypes } from './CommandPalette.tsx';

describe('quick add’s matching', () => {
  it('puts the type named exactly first, then those starting with it, then the rest', () => {
    expect(matchingTypes('filter', false)).toEqual(['filter', 'spam-filter']);
    expect(matchingTypes('kafka', false).slice(0, 2)).toEqual(['source.kafka', 'sink.kafka']);
    expect(matchingTypes('window', false)[0]).toBe('window');
  });

  it('offers only what can sit inside an edge when splicing', () => {
    expect(matchingTypes('', true)).not.toContain('source.kafka');
    expect(matchingTypes('', true)).not.toContain('sink.postgres');
    expect(matchingTypes('', true)).toContain('map');
  });

  it('finds nothing for what no type is', () => {
    expect(matchingTypes('teleport', false)).toEqual([]);
  });
});
