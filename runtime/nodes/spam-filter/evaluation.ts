import { predict } from './classifier.ts';
import type { LabelledExample } from './corpora.ts';
import { type Confusion, confusionOf, type Scores, scoresOf } from './metrics.ts';
import type { SpamModel } from './model.ts';
import { applyTextRules, type TextRulesConfig } from './text-rules.ts';

/** Which decision is being measured: the classifier at a threshold, the text rules, or either. */
export type Detector =
  | { kind: 'classifier'; threshold: number }
  | { kind: 'rules'; rules: TextRulesConfig }
  | { kind: 'rules-or-classifier'; rules: TextRulesConfig; threshold: number };

export interface Evaluation {
  group: string;
  examples: number;
  confusion: Confusion;
  scores: Scores;
}

function flags(detector: Detector, model: SpamModel, text: string): boolean {
  switch (detector.kind) {
    case 'classifier':
      return predict(model, text) >= detector.threshold;
    case 'rules':
      return applyTextRules(text, detector.rules).length > 0;
    case 'rules-or-classifier':
      return applyTextRules(text, detector.rules).length > 0 || predict(model, text) >= detector.threshold;
    default:
      return assertNever(detector);
  }
}

function assertNever(value: never): never {
  throw new Error(`unexpected detector ${JSON.stringify(value)}`);
}

function evaluationOf(group: string, outcomes: { spam: boolean; flagged: boolean }[]): Evaluation {
  const confusion = confusionOf(outcomes);
  return { group, examples: outcomes.length, confusion, scores: scoresOf(confusion) };
}

/** One row per source (file) and one for everything together, named 'all'. */
export function evaluate(detector: Detector, model: SpamModel, examples: readonly LabelledExample[]): Evaluation[] {
  const outcomes = examples.map((example) => ({
    source: example.source,
    spam: example.spam,
    flagged: flags(detector, model, example.text),
  }));
  const sources = [...new Set(outcomes.map((outcome) => outcome.source))].sort();
  const perSource =
    sources.length > 1
      ? sources.map((source) =>
          evaluationOf(
            source,
            outcomes.filter((o) => o.source === source),
          ),
        )
      : [];
  return [...perSource, evaluationOf('all', outcomes)];
}

/**
 * The threshold with the best F1 on the given examples, among a fixed grid. The grid stops
 * at 0.99: naive Bayes is overconfident, and picking among thresholds of 0.9999... would fit noise.
 */
export function bestThreshold(model: SpamModel, examples: readonly LabelledExample[]): { threshold: number; f1: number } {
  const probabilities = examples.map((example) => ({ spam: example.spam, probability: predict(model, example.text) }));
  let best = { threshold: 0.5, f1: -1 };
  for (let step = 5; step <= 99; step++) {
    const threshold = step / 100;
    const { f1 } = scoresOf(confusionOf(probabilities.map((p) => ({ spam: p.spam, flagged: p.probability >= threshold }))));
    if (f1 > best.f1) best = { threshold, f1 };
  }
  return best;
}
