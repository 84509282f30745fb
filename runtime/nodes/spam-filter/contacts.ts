import { listBriefly, type SpamReason } from './reason.ts';

const EMAIL = /[\p{L}\p{N}._%+-]+\s*(?:@|\[at\]|\(at\))\s*[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/giu;

// Digits in groups joined by single separators: +44 20 7946 0958, (555) 123-4567, 08452810075.
const PHONE_CANDIDATE = /(?:\+|\b00)?\(?\d+\)?(?:[ .-]?\(?\d+\)?)+/g;
const MIN_PHONE_DIGITS = 7;
const MAX_PHONE_DIGITS = 15; // E.164's limit; longer runs are ids or order numbers
// Shapes that have enough digits but are not phone numbers.
const NOT_A_PHONE = [
  /^\d{4}-\d{2}-\d{2}$/, // an ISO date
  /^\d{1,3}(?:[. ]\d{3})+$/, // a count grouped in thousands: 1.000.000
  /0{5,}/, // round numbers: "1000000000 views"
  /\d[ .-]\d(?:[ .-]\d\b)/, // digits one by one: "1 2 3 4 5 6 7"
];

/** True when the match continues a number written with commas ("2,124923004 views"). */
function continuesNumber(text: string, index: number): boolean {
  return /\d[,.]$/.test(text.slice(Math.max(0, index - 2), index));
}

const MESSENGERS = String.raw`(?:whats\s?app|telegram|viber|wechat|we\s?chat|kik|skype|snap\s?chat|signal|line\s?id)`;
const HANDLE_PATTERNS = [
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
  for (const match of text.matchAll(PHONE_CANDIDATE)) {
    const candidate = match[0].trim();
    if (continuesNumber(text, match.index ?? 0)) continue;
    const digits = digitCount(candidate);
    if (digits < MIN_PHONE_DIGITS || digits > MAX_PHONE_DIGITS) continue;
    if (NOT_A_PHONE.some((shape) => shape.test(candidate))) continue;
    phones.push(candidate);
  }
  return phones;
}

export function findEmails(text: string): string[] {
  return [...text.matchAll(EMAIL)].map((match) => match[0]);
}

export function findMessagingHandles(text: string): string[] {
  return HANDLE_PATTERNS.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => match[0].trim()));
}

/** Flags contact details: reviews are no place to be reached, so any one of them is enough. */
export function contactsRule(text: string): SpamReason[] {
  const found = [
    ...findEmails(text).map((email) => `e-mail ${email}`),
    ...findPhoneNumbers(text).map((phone) => `phone ${phone}`),
    ...findMessagingHandles(text).map((handle) => `messenger "${handle}"`),
  ];
  return found.length === 0 ? [] : [{ rule: 'contacts', detail: listBriefly(found) }];
}
