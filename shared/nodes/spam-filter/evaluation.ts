import { predict } from './classifier.ts';
import { requiredScore } from './classifier-rule.ts';
import type { LabelledExample } from './corpora.ts';
import { type Confusion, confusionOf, type Scores, scoresOf } from './metrics.ts';
import type { SpamModel } from './model.ts';
import { TextSignals } from './signals.ts';
import { applyTextRules, type TextRulesConfig } from './text-rules.ts';

/** One text as the filter saw it: whether a rule flagged it, the model's score, and the score it needed. */
export interface Judged {
  source: string;
  spam: boolean;
  ruleFlagged: boolean;
  score: number;
  words: number;
}

/** Scores every example once, so any threshold can be measured afterwards without asking the model again. */
export function judgeAll(model: SpamModel, rules: TextRulesConfig, examples: readonly LabelledExample[]): Judged[] {
  return examples.map((example) => {
    const signals = new TextSignals(example.text);
    return {
      source: example.source,
      spam: example.spam,
      ruleFlagged: applyTextRules(signals, rules).length > 0,
      score: predict(model, signals),
      words: signals.words.length,
    };
  });
}

/** Which decision is measured: the rules, the classifier at a threshold, or both as the filter runs them. */
export type Detector = { kind: 'rules' } | { kind: 'classifier'; threshold: number } | { kind: 'filter'; threshold: number };

export function flagged(detector: Detector, judged: Judged): boolean {
  switch (detector.kind) {
    case 'rules':
      return judged.ruleFlagged;
    case 'classifier':
      return judged.score >= requiredScore(detector.threshold, judged.words);
    case 'filter':
      return judged.ruleFlagged || judged.score >= requiredScore(detector.threshold, judged.words);
    default:
      return assertNever(detector);
  }
}

function assertNever(value: never): never {
  throw new Error(`unexpected detector ${JSON.stringify(value)}`);
}

export interface Evaluation {
  group: string;
  examples: number;
  confusion: Confusion;
  scores: Scores;
  /** Share of the honest texts flagged. */
  falsePositiveRate: number;
}

export function evaluationOf(group: string, detector: Detector, judged: readonly Judged[]): Evaluation {
  const confusion = confusionOf(judged.map((one) => ({ spam: one.spam, flagged: flagged(detector, one) })));
  const honest = confusion.falsePositives + confusion.trueNegatives;
  return {
    group,
    examples: judged.length,
    confusion,
    scores: scoresOf(confusion),
    falsePositiveRate: honest === 0 ? 0 : confusion.falsePositives / honest,
  };
}

/** One row per source (file) and, when there are several, one for everything together, named 'all'. */
export function evaluateBySource(detector: Detector, judged: readonly Judged[]): Evaluation[] {
  const sources = [...new Set(judged.map((one) => one.source))].sort();
  const perSource = sources.map((source) =>
    evaluationOf(
      source,
      detector,
      judged.filter((one) => one.source === source),
    ),
  );
  return sources.length > 1 ? [...perSource, evaluationOf('all', detector, judged)] : perSource;
}
