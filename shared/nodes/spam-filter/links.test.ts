import { describe, expect, it } from 'vitest';
import { flaggedShare, hamTexts, realCorpora } from '../../../runtime/spam/testing/corpus-fixtures.ts';
import { findLinks, linksRule } from './links.ts';

describe('links rule', () => {
  it('finds scheme URLs, www. addresses and bare domains with or without a path', () => {
    expect(findLinks('see https://spam.example/x and www.cheap-pills.net, or murdev.com and example.it/offer')).toEqual([
      'https://spam.example/x',
      'www.cheap-pills.net',
      'murdev.com',
      'example.it/offer',
    ]);
  });

  it('finds domains written out to dodge detection', () => {
    expect(findLinks('visit kidsmediausa  . com or freestuff dot com or deals(dot)net')).toHaveLength(3);
  });

  it('does not take sentences that miss a space for domains', () => {
    expect(findLinks('Just now saw your message.it is fine.Then reply.Be good. It was fine. Net result ok')).toEqual([]);
  });

  it('does not count the domain of an e-mail address as a link', () => {
    expect(findLinks('write to someone@gmail.com')).toEqual([]);
  });

  it('says where the links go, in a sentence', () => {
    expect(linksRule('cheap essays at https://bit.ly/3xYz!', { maxLinks: 0 })).toEqual([
      { rule: 'links', detail: 'contains a link to bit.ly (none are allowed)', links: ['https://bit.ly/3xYz'], maxLinks: 0 },
    ]);
    expect(linksRule('go to http://a.example/x and www.b.example, or http://a.example/y', { maxLinks: 1 })[0]?.detail).toBe(
      'contains 3 links, to a.example and www.b.example (at most 1 link allowed)',
    );
  });

  it('names the site of a real spam comment', async () => {
    const spam = (await realCorpora()).find((example) => example.text.startsWith('Pls follow this channel!! http://www.twitch.tv'));
    expect(linksRule(spam?.text ?? '', { maxLinks: 0 })[0]?.detail).toBe('contains a link to www.twitch.tv (none are allowed)');
  });

  it('allows up to maxLinks links', () => {
    expect(linksRule('my notes are on http://a.example', { maxLinks: 1 })).toEqual([]);
  });

  it('leaves nearly all real honest messages alone', async () => {
    const share = flaggedShare(await hamTexts('sms'), (text) => linksRule(text, { maxLinks: 0 }).length > 0);
    // Measured 0.27% (ham that really does name a web site); 1% would mean a regression.
    expect(share).toBeLessThan(0.01);
  });
});
