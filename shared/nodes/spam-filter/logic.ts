/**
 * The spam filter's pure logic; the spam-filter node (implementation.ts)
 * assembles these pieces into stages and keeps their state in keyed stores.
 *
 * Stateless rules, each `(text | TextSignals, options) => SpamReason[]` (empty = clean):
 *   linksRule, contactsRule, blocklistRule, shoutingRule; judgeText runs the enabled ones from the config's
 *   `rules`, then the classifier (classifierRule); reviewText joins a record's configured text fields.
 *   TextSignals works out once what several rules read (links, contacts, words, capitals).
 * Stateful rules, as pure state transitions (state in, state out, no I/O):
 *   duplicateTextKey(text) → {key, words}, judgePosting(rememberedPostings, posting, words, options)
 *   → {posts to remember, reason}; TextMemoryStore keeps them in a store and sweeps out the forgotten;
 *   velocityStep(userState, {id, eventTime}, {maxReviews, withinMs}) → {state, count, reason}.
 * Classifier (logistic regression, FTRL-Proximal, over hashed words, word pairs, character n-grams and a few
 *   named features): train(examples) → SpamModel (plain JSON); predict(model, text) → P(spam);
 *   contributions(model, text) → what moved the score; parseModel / serializeModel (runtime/spam/model-files.ts reads and writes model files).
 * Data and measurement (used by `sluice train-spam` and the tests):
 *   readCorpus (runtime/spam/corpus-files.ts reads folders of corpora), stratifiedSplit, trainAndEvaluate, leaveOneSourceOut.
 */
export { type BlocklistOptions, blocklistRule, findBlockedTerms } from './blocklist.ts';
export { contributions, type LabelledText, parseModel, predict, serializeModel, spamLogOdds, train } from './classifier.ts';
export { classifierRule, requiredScore, SHORT_TEXT_WORDS } from './classifier-rule.ts';
export { contactsRule, findEmails, findMessagingHandles, findPhoneNumbers } from './contacts.ts';
export { type CorpusRead, type LabelledExample, readCorpus, readLabelledCsv, readSmsCollection, readYoutubeCsv } from './corpora.ts';
export { parseCsv } from './csv.ts';
export {
  type DuplicateJudgement,
  type DuplicateTextOptions,
  duplicateTextKey,
  judgePosting,
  MAX_POSTINGS,
  type Posting,
  type TextMemory,
} from './duplicate-text.ts';
export { type Detector, type Evaluation, evaluateBySource, judgeAll } from './evaluation.ts';
export { leaveOneSourceOut } from './leave-one-out.ts';
export { findLinks, type LinksOptions, linksRule } from './links.ts';
export { type Confusion, confusionOf, type Scores, scoresOf } from './metrics.ts';
export { type SpamModel, spamModelSchema } from './model.ts';
export type { SpamReason, SpamRule } from './reason.ts';
export { type ShoutingOptions, shoutingRule } from './shouting.ts';
export { TextSignals } from './signals.ts';
export { mulberry32, stratifiedSplit } from './split.ts';
export { TextMemoryStore } from './text-memory.ts';
export { applyTextRules, type ClassifierSetting, judgeText, reviewText, type TextRulesConfig } from './text-rules.ts';
export { DEFAULT_TEXT_RULES, type TrainingReport, trainAndEvaluate } from './training.ts';
export { type VelocityState, type VelocityStep, velocityStep } from './velocity.ts';
