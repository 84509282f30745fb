import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.ts';

describe('CSV parser', () => {
  it('splits plain fields on commas and lines', () => {
    expect(parseCsv('a,b\n1,2\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('keeps commas, doubled quotes and newlines inside quoted fields', () => {
    expect(parseCsv('id,text\n1,"Hello, ""world""\nsecond line"\n')).toEqual([
      ['id', 'text'],
      ['1', 'Hello, "world"\nsecond line'],
    ]);
  });

  it('drops a leading byte-order mark', () => {
    expect(parseCsv('\uFEFFa,b\n')).toEqual([['a', 'b']]);
  });

  it('accepts CRLF line ends and a last line without one', () => {
    expect(parseCsv('a,b\r\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('keeps empty fields', () => {
    expect(parseCsv('a,,c\n')).toEqual([['a', '', 'c']]);
  });
});
