import { type BlocklistOptions, blocklistRule } from './blocklist.ts';
import { classifierRule } from './classifier-rule.ts';
import { contactsRule } from './contacts.ts';
import { type LinksOptions, linksRule } from './links.ts';
import type { SpamModel } from './model.ts';
import type { SpamReason } from './reason.ts';
import { type ShoutingOptions, shoutingRule } from './shouting.ts';
import { signalsOf, type TextInput } from './signals.ts';

type Switchable<Options> = Options & { enabled: boolean };

/** The stateless rules' part of the spam-filter config (structurally the catalog's `rules`). */
export interface TextRulesConfig {
  links: Switchable<LinksOptions>;
  contacts: Switchable<object>;
  blocklist: Switchable<BlocklistOptions>;
  shouting: Switchable<ShoutingOptions>;
}

/** Every reason the enabled stateless rules find in the text; empty means clean. */
export function applyTextRules(input: TextInput, rules: TextRulesConfig): SpamReason[] {
  const signals = signalsOf(input);
  return [
    ...(rules.links.enabled ? linksRule(signals, rules.links) : []),
    ...(rules.contacts.enabled ? contactsRule(signals) : []),
    ...(rules.blocklist.enabled ? blocklistRule(signals, rules.blocklist) : []),
    ...(rules.shouting.enabled ? shoutingRule(signals, rules.shouting) : []),
  ];
}

/** The classifier as the filter runs it: a model and the threshold, or none (switched off). */
export type ClassifierSetting = { model: SpamModel; threshold: number } | undefined;

/**
 * The whole stateless judgement of one text, as the spam filter's first stage makes it and as the evaluation
 * measures it: the rules, then the classifier. The classifier is asked only when no rule flagged the text:
 * the rules' reasons already say why, and most spam then skips the model.
 */
export function judgeText(input: TextInput, rules: TextRulesConfig, classifier: ClassifierSetting): SpamReason[] {
  const signals = signalsOf(input);
  const reasons = applyTextRules(signals, rules);
  if (reasons.length > 0 || classifier === undefined) return reasons;
  return classifierRule(classifier.model, signals, classifier.threshold);
}

/**
 * The review's text as the rules see it: the configured fields that hold strings, joined by a
 * blank line so a link cannot be formed across the title/content boundary.
 */
export function reviewText(value: Record<string, unknown>, textFields: readonly string[]): string {
  let joined: string | undefined;
  for (const field of textFields) {
    const text = value[field];
    if (typeof text !== 'string' || text === '') continue;
    joined = joined === undefined ? text : `${joined}\n\n${text}`;
  }
  return joined ?? '';
}
