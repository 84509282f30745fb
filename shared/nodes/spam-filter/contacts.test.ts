import { describe, expect, it } from 'vitest';
import { flaggedShare, hamTexts } from '../../../runtime/spam/testing/corpus-fixtures.ts';
import { contactsRule, findEmails, findMessagingHandles, findPhoneNumbers } from './contacts.ts';

describe('contacts rule', () => {
  it('finds e-mail addresses, also with [at]', () => {
    expect(findEmails('mail me: jane.doe+x@mail.example.org or bob [at] spam.com')).toEqual([
      'jane.doe+x@mail.example.org',
      'bob [at] spam.com',
    ]);
  });

  it('finds phone numbers in international and local formats', () => {
    expect(findPhoneNumbers('call +44 20 7946 0958, (555) 123-4567 or 08452810075 now')).toEqual([
      '+44 20 7946 0958',
      '(555) 123-4567',
      '08452810075',
    ]);
  });

  it('does not take dates, short codes, counts or digit lists for phone numbers', () => {
    expect(
      findPhoneNumbers('on 2013-11-07 text WIN to 87121; 1.000.000 views, 1000000000 views, 2,124923004 wiews, pick 1 2 3 4 5 6 7'),
    ).toEqual([]);
  });

  it('finds messaging handles', () => {
    expect(findMessagingHandles('WhatsApp me for the answers, or telegram @cheatsheets')).toEqual(['WhatsApp me', 'telegram @']);
    expect(findMessagingHandles('add me on telegram')).toEqual(['add me on telegram']);
  });

  it('flags a review with contact details and says which, in a sentence', () => {
    expect(contactsRule('great course, questions? write to tutor@example.com')).toEqual([
      {
        rule: 'contacts',
        detail: 'gives an e-mail address (tutor@example.com)',
        contacts: [{ kind: 'e-mail', text: 'tutor@example.com' }],
      },
    ]);
    expect(contactsRule('Earn $500 a day, write to easy.money@example.org or WhatsApp +1 555 0100 now')[0]?.detail).toBe(
      'gives an e-mail address (easy.money@example.org), a phone number (+1 555 0100) and a messenger contact (WhatsApp +1)',
    );
  });

  it('does not take a count for a phone number, as in a real honest comment', async () => {
    const comment = (await hamTexts('youtube')).find((text) => text.includes('5277478 comments'));
    expect(comment).toBeDefined();
    expect(contactsRule(comment ?? '')).toEqual([]);
    expect(findPhoneNumbers('1884034783 views and 2015 likes, call 0800 123 4567')).toEqual(['0800 123 4567']);
  });

  it('leaves a review that only mentions a messenger alone', () => {
    expect(contactsRule('The lecture on how WhatsApp scales its servers was the best part, 10 out of 10.')).toEqual([]);
  });

  it('leaves nearly all real honest messages alone', async () => {
    const share = flaggedShare(await hamTexts('sms'), (text) => contactsRule(text).length > 0);
    // Measured 0.10% (friends do send each other their numbers); 0.5% would mean a regression.
    expect(share).toBeLessThan(0.005);
  });
});
