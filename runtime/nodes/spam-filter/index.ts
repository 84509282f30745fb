/**
 * The spam filter's pure logic; the engine's spam-filter node (runtime/nodes/spam-filter.ts)
 * assembles these pieces into stages and keeps their state in keyed stores.
 *
 * Stateless rules, each `(text, options) => SpamReason[]` (empty = clean):
 *   linksRule, contactsRule, blocklistRule, shoutingRule; applyTextRules runs the enabled ones
 *   from the config's `rules`; reviewText joins a record's configured text fields.
 * Stateful rules, as pure state transitions (state in, state out, no I/O):
 *   duplicateTextKey(text) → store key | undefined, then decideDuplicate(reviewId, storedEntry)
 *   → first (store this) | same-review (an edit) | duplicate (with reason);
 *   velocityStep(userState, {id, eventTime}, {maxReviews, withinMs}) → {state, count, reason}.
 * Classifier (multinomial naive Bayes over hashed word and character n-grams):
 *   train(examples) → SpamModel (plain JSON); predict(model, text) → P(spam);
 *   parseModel / loadModel / saveModel / serializeModel.
 * Data and measurement (used by `sluice train-spam` and the tests):
 *   readCorpus / readCorpusPaths / dataDirectory, stratifiedSplit, trainAndEvaluate, evaluate.
 */
export { type BlocklistOptions, blocklistRule, findBlockedTerms } from './blocklist.ts';
export { type LabelledText, parseModel, predict, serializeModel, spamLogOdds, train } from './classifier.ts';
export { contactsRule, findEmails, findMessagingHandles, findPhoneNumbers } from './contacts.ts';
export { type CorpusRead, type LabelledExample, readCorpus, readLabelledCsv, readSmsCollection, readYoutubeCsv } from './corpora.ts';
export { dataDirectory, readCorpusPaths, readProjectCorpora } from './corpus-files.ts';
export { parseCsv } from './csv.ts';
export {
  type DuplicateDecision,
  type DuplicateEntry,
  type DuplicateTextOptions,
  decideDuplicate,
  duplicateTextKey,
} from './duplicate-text.ts';
export { bestThreshold, type Detector, type Evaluation, evaluate } from './evaluation.ts';
export { findLinks, type LinksOptions, linksRule } from './links.ts';
export { type Confusion, confusionOf, type Scores, scoresOf } from './metrics.ts';
export { type SpamModel, spamModelSchema } from './model.ts';
export { loadModel, saveModel } from './model-files.ts';
export type { SpamReason } from './reason.ts';
export { type ShoutingOptions, shoutingRule } from './shouting.ts';
export { mulberry32, stratifiedSplit } from './split.ts';
export { applyTextRules, reviewText, type TextRulesConfig } from './text-rules.ts';
export { DEFAULT_TEXT_RULES, type TrainingReport, trainAndEvaluate } from './training.ts';
export { type VelocityState, type VelocityStep, velocityStep } from './velocity.ts';
