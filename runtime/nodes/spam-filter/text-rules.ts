import { type BlocklistOptions, blocklistRule } from './blocklist.ts';
import { contactsRule } from './contacts.ts';
import { type LinksOptions, linksRule } from './links.ts';
import type { SpamReason } from './reason.ts';
import { type ShoutingOptions, shoutingRule } from './shouting.ts';

type Switchable<Options> = Options & { enabled: boolean };

/** The stateless rules' part of the spam-filter config (structurally the catalog's `rules`). */
export interface TextRulesConfig {
  links: Switchable<LinksOptions>;
  contacts: Switchable<object>;
  blocklist: Switchable<BlocklistOptions>;
  shouting: Switchable<ShoutingOptions>;
}

/** Every reason the enabled stateless rules find in the text; empty means clean. */
export function applyTextRules(text: string, rules: TextRulesConfig): SpamReason[] {
  return [
    ...(rules.links.enabled ? linksRule(text, rules.links) : []),
    ...(rules.contacts.enabled ? contactsRule(text) : []),
    ...(rules.blocklist.enabled ? blocklistRule(text, rules.blocklist) : []),
    ...(rules.shouting.enabled ? shoutingRule(text, rules.shouting) : []),
  ];
}

/**
 * The review's text as the rules see it: the configured fields that hold strings, joined by a
 * blank line so a link cannot be formed across the title/content boundary.
 */
export function reviewText(value: Record<string, unknown>, textFields: readonly string[]): string {
  return textFields
    .map((field) => value[field])
    .filter((text): text is string => typeof text === 'string' && text !== '')
    .join('\n\n');
}
