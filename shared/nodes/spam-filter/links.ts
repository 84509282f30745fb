import { listBriefly, plural, type SpamReason } from './reason.ts';
import { signalsOf, type TextInput } from './signals.ts';

export interface LinksOptions {
  maxLinks: number;
}

// Top-level domains a bare domain must end in. A closed list keeps sentences that miss the
// space after a full stop ("fine.Then") from counting; TLDs that are also English words
// ("message.it", "reply.be", "me.in") count only when a path follows.
const WORD_TLDS = 'it|be|in|me|us|to|at|co|so|no|is|am|do|go|my|es|fr|ca|app|shop|store|club|site|online|live|top|link|pro|dev';
const TLDS = 'com|net|org|info|biz|io|xyz|ru|cn|tk|ml|ga|cf|gq|uk|de|nl|eu|br|tv|ly|gl|gd|cc|ws';

const SCHEME_URL = String.raw`https?:\/\/[^\s<>"']+`;
const WWW_URL = String.raw`\bwww\.[^\s<>"']+`;
// "example dot com", "example(dot)com", "example . com": written to dodge link detection. The
// spaced form needs a space before the dot so "fine. Net result" stays a sentence.
const DOTTED_TLD = String.raw`(?:[([]\s*dot\s*[)\]]|\bdot\b|\s\.)\s*(?:com|net|org|info|biz)\b`;
const OBFUSCATED = String.raw`\b[\p{L}\p{N}-]+\s*${DOTTED_TLD}`;
const DOMAIN = String.raw`\b[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*`;
const BARE_DOMAIN = String.raw`${DOMAIN}\.(?:${TLDS})\b(?:\/[^\s<>"']*)?`;
const BARE_DOMAIN_WITH_PATH = String.raw`${DOMAIN}\.(?:${WORD_TLDS})\/[^\s<>"']+`;

export const LINK_PATTERN = new RegExp(`${SCHEME_URL}|${WWW_URL}|${OBFUSCATED}|${BARE_DOMAIN}|${BARE_DOMAIN_WITH_PATH}`, 'giu');
// A part every link above must contain, in the same flags: most texts have none, and this is found (or not) in a
// fraction of the time LINK_PATTERN takes, which tries a domain at every word and backtracks through it.
export const LINK_MARK = new RegExp(String.raw`https?:\/\/|\bwww\.|${DOTTED_TLD}|\.(?:${TLDS})\b|\.(?:${WORD_TLDS})\/`, 'iu');
// Punctuation that ends the sentence around a link rather than the link itself.
const TRAILING = /[.,;:!?)\]]+$/;

/** Every link in the text, in order, without the sentence's punctuation after it (an e-mail's domain is not a link). */
export function findLinks(text: string): string[] {
  const links: string[] = [];
  if (!LINK_MARK.test(text)) return links;
  for (const match of text.matchAll(LINK_PATTERN)) {
    const before = text[(match.index ?? 0) - 1];
    if (before === '@') continue;
    links.push(match[0].replace(TRAILING, ''));
  }
  return links;
}

/** Where a link goes, as a person names it: "bit.ly", "www.cheap-pills.net". */
export function linkSite(link: string): string {
  const withoutScheme = link.replace(/^https?:\/\//i, '');
  return withoutScheme.split(/[/?#]/, 1)[0] ?? withoutScheme;
}

/** Flags a text with more links than allowed. */
export function linksRule(input: TextInput, options: LinksOptions): SpamReason[] {
  const links = signalsOf(input).links;
  if (links.length <= options.maxLinks) return [];
  const sites = listBriefly([...new Set(links.map(linkSite))]);
  const allowed = options.maxLinks === 0 ? 'none are allowed' : `at most ${plural(options.maxLinks, 'link')} allowed`;
  const detail =
    links.length === 1 ? `contains a link to ${sites} (${allowed})` : `contains ${links.length} links, to ${sites} (${allowed})`;
  return [{ rule: 'links', detail, links, maxLinks: options.maxLinks }];
}
