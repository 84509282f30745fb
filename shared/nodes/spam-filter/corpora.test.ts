import { describe, expect, it } from 'vitest';
import { readProjectCorpora } from '../../../runtime/spam/corpus-files.ts';
import { realCorpora } from '../../../runtime/spam/testing/corpus-fixtures.ts';
import { htmlToText, readCorpus, readLabelledCsv, readReviewSentences, readSmsCollection, readYoutubeCsv } from './corpora.ts';

describe('corpus readers', () => {
  it('reads SMS lines without treating quotes specially', () => {
    const read = readSmsCollection('ham\tHe said "hi\nspam\tWIN "now"\n', 'sms');
    expect(read).toEqual({
      ok: true,
      examples: [
        { text: 'He said "hi', spam: false, source: 'sms' },
        { text: 'WIN "now"', spam: true, source: 'sms' },
      ],
    });
  });

  it('reports the line of a malformed SMS row', () => {
    expect(readSmsCollection('ham\tok\nmaybe\ttext\n', 'sms')).toEqual({ ok: false, message: expect.stringContaining('line 2') });
  });

  it('reads YouTube CSV with quoted multi-line HTML content and a trailing U+FEFF', () => {
    const csv =
      'COMMENT_ID,AUTHOR,DATE,CONTENT,CLASS\nx1,Ann,,"Nice<br />song, &quot;really&quot;\uFEFF",0\nx2,Bob,2013-11-07T06:20:48,"check <a href=""http://x"">my channel</a>\nnow",1\n';
    expect(readYoutubeCsv(csv, 'yt')).toEqual({
      ok: true,
      examples: [
        { text: 'Nice\nsong, "really"', spam: false, source: 'yt' },
        { text: 'check my channel\nnow', spam: true, source: 'yt' },
      ],
    });
  });

  it('decodes numeric entities', () => {
    expect(htmlToText('it&#39;s &#x263A;')).toBe("it's ☺");
  });

  it('reads a generic text,label CSV with spam/ham or 1/0 labels', () => {
    const read = readLabelledCsv('label,text\nspam,"buy, now"\n0,fine course\n', 'mine.csv');
    expect(read).toEqual({
      ok: true,
      examples: [
        { text: 'buy, now', spam: true, source: 'mine.csv' },
        { text: 'fine course', spam: false, source: 'mine.csv' },
      ],
    });
  });

  it('rejects an unknown label with its row number', () => {
    expect(readLabelledCsv('text,label\nhello,maybe\n', 'x')).toEqual({ ok: false, message: expect.stringContaining('row 2') });
  });

  it('reads review sentences as honest texts, whatever their sentiment score', () => {
    expect(readCorpus('Crust is not good.\t0\nWow... Loved this place.\t1\n', 'yelp')).toEqual({
      ok: true,
      examples: [
        { text: 'Crust is not good.', spam: false, source: 'yelp' },
        { text: 'Wow... Loved this place.', spam: false, source: 'yelp' },
      ],
    });
    expect(readReviewSentences('fine\t1\nno score here\n', 'x')).toEqual({ ok: false, message: expect.stringContaining('line 2') });
  });

  it('rejects a file in no known format', () => {
    expect(readCorpus('name,age\nann,3\n', 'x')).toMatchObject({ ok: false });
  });

  it('reads the corpora the project carries with the counts data/README.md states', async () => {
    const examples = [...(await realCorpora()), ...(await readProjectCorpora('reviewSentences'))];
    const count = (source: string, spam: boolean) => examples.filter((e) => e.source.endsWith(source) && e.spam === spam).length;
    expect([count('SMSSpamCollection', true), count('SMSSpamCollection', false)]).toEqual([747, 4827]);
    expect([count('Youtube01-Psy.csv', true), count('Youtube01-Psy.csv', false)]).toEqual([175, 175]);
    expect([count('Youtube03-LMFAO.csv', true), count('Youtube03-LMFAO.csv', false)]).toEqual([236, 202]);
    expect([count('yelp_labelled.txt', true), count('yelp_labelled.txt', false)]).toEqual([0, 1000]);
    expect([count('imdb_labelled.txt', true), count('imdb_labelled.txt', false)]).toEqual([0, 1000]);
    expect(examples.some((e) => e.text.includes('\uFEFF') || e.text.includes('<br'))).toBe(false);
  });
});
