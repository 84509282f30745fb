import { joinWithAnd, listBriefly, type SpamReason } from './reason.ts';
import { signalsOf, type TextInput } from './signals.ts';

export interface Contact {
  kind: 'e-mail' | 'phone' | 'messenger';
  text: string;
}

export const EMAIL = /[\p{L}\p{N}._%+-]+\s*(?:@|\[at\]|\(at\))\s*[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/giu;
// The part every e-mail address above has, in the same flags: most texts have none, and finding that is far
// cheaper than EMAIL, which tries an address at every letter.
export const EMAIL_MARK = /@|\[at\]|\(at\)/iu;

// Digits in groups joined by single separators: +44 20 7946 0958, (555) 123-4567, 08452810075.
const PHONE_CANDIDATE = /(?:\+|\b00)?\(?\d+\)?(?:[ .-]?\(?\d+\)?)+/g;
const DIGIT = /\d/;
const MIN_PHONE_DIGITS = 7;
const MAX_PHONE_DIGITS = 15; // E.164's limit; longer runs are ids or order numbers
// Shapes that have enough digits but are not phone numbers.
const NOT_A_PHONE = [
  /^\d{4}-\d{2}-\d{2}$/, // an ISO date
  /^\d{1,3}(?:[. ]\d{3})+$/, // a count grouped in thousands: 1.000.000
  /0{5,}/, // round numbers: "1000000000 views"
  /\d[ .-]\d(?:[ .-]\d\b)/, // digits one by one: "1 2 3 4 5 6 7"
];
// A number followed by what it counts is a count, however many digits it has: "5277478 comments".
const COUNTED =
  /^\s*(?:views?|likes?|dislikes?|comments?|subscribers?|people|times|years?|days?|hours?|minutes?|seconds?|dollars?|euros?|pounds?|votes?|hits?|plays?|fans?|followers?|users?|students?|reviews?|pages?|words?|lines?)\b/i;

/** True when the match continues a number written with commas ("2,124923004 views"). */
function continuesNumber(text: string, index: number): boolean {
  return /\d[,.]$/.test(text.slice(Math.max(0, index - 2), index));
}

const MESSENGERS = String.raw`(?:whats\s?app|telegram|viber|wechat|we\s?chat|kik|skype|snap\s?chat|signal|line\s?id)`;
// Both patterns below name a messenger: a text that names none has no handle.
export const MESSENGER_MARK = new RegExp(MESSENGERS, 'iu');
export const HANDLE_PATTERNS = [
  // "whatsapp me", "telegram @x", "WhatsApp: +1 555", "kik: name"
  new RegExp(String.raw`\b${MESSENGERS}\s*(?:me\b|:|@|\+?\d)`, 'giu'),
  // "add me on telegram", "text me at whatsapp", "message me via kik"
  new RegExp(String.raw`\b(?:add|message|contact|text|dm|ping|reach|call|msg)\s+(?:me|us)\s+(?:on|at|via)\s+${MESSENGERS}`, 'giu'),
];

function digitCount(text: string): number {
  return text.replace(/\D/g, '').length;
}

export function findPhoneNumbers(text: string): string[] {
  const phones: string[] = [];
  if (!DIGIT.test(text)) return phones;
  for (const match of text.matchAll(PHONE_CANDIDATE)) {
    const candidate = match[0].trim();
    const index = match.index ?? 0;
    if (continuesNumber(text, index)) continue;
    const digits = digitCount(candidate);
    if (digits < MIN_PHONE_DIGITS || digits > MAX_PHONE_DIGITS) continue;
    if (NOT_A_PHONE.some((shape) => shape.test(candidate))) continue;
    if (COUNTED.test(text.slice(index + match[0].length, index + match[0].length + 16))) continue;
    phones.push(candidate);
  }
  return phones;
}

export function findEmails(text: string): string[] {
  if (!EMAIL_MARK.test(text)) return [];
  return [...text.matchAll(EMAIL)].map((match) => match[0]);
}

export function findMessagingHandles(text: string): string[] {
  if (!MESSENGER_MARK.test(text)) return [];
  return HANDLE_PATTERNS.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => match[0].trim()));
}

/** Every way the text gives to reach someone outside the site, in the order e-mail, phone, messenger. */
export function findContacts(text: string): Contact[] {
  return [
    ...findEmails(text).map((found) => ({ kind: 'e-mail' as const, text: found })),
    ...findPhoneNumbers(text).map((found) => ({ kind: 'phone' as const, text: found })),
    ...findMessagingHandles(text).map((found) => ({ kind: 'messenger' as const, text: found })),
  ];
}

const NAMES = {
  'e-mail': ['an e-mail address', 'e-mail addresses'],
  phone: ['a phone number', 'phone numbers'],
  messenger: ['a messenger contact', 'messenger contacts'],
};

/** "gives an e-mail address (a@b.org) and a phone number (+1 555 0100)". */
function describeContacts(contacts: readonly Contact[]): string {
  const parts = (['e-mail', 'phone', 'messenger'] as const).flatMap((kind) => {
    const found = contacts.filter((contact) => contact.kind === kind).map((contact) => contact.text);
    if (found.length === 0) return [];
    const [one, many] = NAMES[kind];
    return [`${found.length === 1 ? one : many} (${listBriefly(found, 2)})`];
  });
  return `gives ${joinWithAnd(parts)}`;
}

/** Flags contact details: reviews are no place to be reached, so any one of them is enough. */
export function contactsRule(input: TextInput): SpamReason[] {
  const contacts = signalsOf(input).contacts;
  return contacts.length === 0 ? [] : [{ rule: 'contacts', detail: describeContacts(contacts), contacts }];
}
