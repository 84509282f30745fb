import { type TrainOptions, train } from './classifier.ts';
import type { LabelledExample } from './corpora.ts';
import { DEFAULT_SPAM_THRESHOLD, spamFilterConfigSchema } from './declaration.ts';
import { type Detector, type Evaluation, evaluateBySource, judgeAll } from './evaluation.ts';
import type { SpamModel } from './model.ts';
import { stratifiedSplit } from './split.ts';
import type { TextRulesConfig } from './text-rules.ts';

export interface TrainingOptions {
  holdout: number;
  seed: number;
  threshold?: number;
  train?: Partial<TrainOptions>;
}

export interface TrainingReport {
  model: SpamModel;
  trainExamples: number;
  testExamples: number;
  threshold: number;
  /** Measured on the held-out split, per source and overall. */
  results: { name: string; detector: Detector; evaluations: Evaluation[] }[];
}

/** The catalog's default rules: what a spam-filter node runs when its config says nothing. */
export const DEFAULT_TEXT_RULES: TextRulesConfig = spamFilterConfigSchema.parse({}).rules;

// Strata are corpus × label, so every corpus and both classes keep their share on each side.
const stratum = (example: LabelledExample) => `${example.source}\u0000${example.spam}`;

/** The sources of a set of examples, sorted: what a model says it was trained on. */
export const sourcesOf = (examples: readonly LabelledExample[]) => [...new Set(examples.map((example) => example.source))].sort();

/**
 * The shipped model's training: a seeded split stratified by source and label, a model trained on the train side,
 * and the held-out side measured three ways: the rules alone, the classifier alone, and both as the filter runs them.
 */
export function trainAndEvaluate(examples: readonly LabelledExample[], options: TrainingOptions): TrainingReport {
  const { train: trainSplit, test } = stratifiedSplit(examples, stratum, options);
  const threshold = options.threshold ?? DEFAULT_SPAM_THRESHOLD;
  const model = train(trainSplit, {
    ...options.train,
    trainedOn: { sources: sourcesOf(examples), seed: options.seed, holdout: options.holdout },
  });
  const judged = judgeAll(model, DEFAULT_TEXT_RULES, test);
  const detectors: { name: string; detector: Detector }[] = [
    { name: `filter @ ${threshold}`, detector: { kind: 'filter', threshold } },
    { name: `classifier @ ${threshold}`, detector: { kind: 'classifier', threshold } },
    { name: 'rules alone', detector: { kind: 'rules' } },
  ];
  const results = detectors.map(({ name, detector }) => ({ name, detector, evaluations: evaluateBySource(detector, judged) }));
  return { model, trainExamples: trainSplit.length, testExamples: test.length, threshold, results };
}
