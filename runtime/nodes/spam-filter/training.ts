import { spamFilterConfigSchema } from '../../../shared/catalog/spam-filter.ts';
import { train } from './classifier.ts';
import type { LabelledExample } from './corpora.ts';
import { bestThreshold, type Detector, type Evaluation, evaluate } from './evaluation.ts';
import type { SpamModel } from './model.ts';
import { stratifiedSplit } from './split.ts';
import type { TextRulesConfig } from './text-rules.ts';

export interface TrainingOptions {
  holdout: number;
  seed: number;
}

export interface TrainingReport {
  model: SpamModel;
  trainExamples: number;
  testExamples: number;
  /** Best-F1 threshold, picked on a validation slice of the train split (never on the test split). */
  recommendedThreshold: number;
  /** Measured on the held-out split, per source and overall. */
  results: { name: string; detector: Detector; evaluations: Evaluation[] }[];
}

/** The catalog's default rules: what a spam-filter node runs when its config says nothing. */
export const DEFAULT_TEXT_RULES: TextRulesConfig = spamFilterConfigSchema.parse({}).rules;

const RULE_NAMES = ['links', 'contacts', 'shouting'] as const; // the blocklist is empty by default

/** The default rules with all but one switched off, to see what each contributes. */
function onlyRule(rule: (typeof RULE_NAMES)[number]): TextRulesConfig {
  const off = <T extends { enabled: boolean }>(options: T): T => ({ ...options, enabled: false });
  const rules = DEFAULT_TEXT_RULES;
  const allOff = { links: off(rules.links), contacts: off(rules.contacts), blocklist: off(rules.blocklist), shouting: off(rules.shouting) };
  return { ...allOff, [rule]: rules[rule] };
}

// Strata are corpus × label, so every corpus and both classes keep their share on each side.
const stratum = (example: LabelledExample) => `${example.source}\u0000${example.spam}`;

/**
 * Trains on the train split and measures on the held-out split: the classifier at 0.5 and at
 * the recommended threshold, the stateless rules alone, and rules and classifier together.
 */
export function trainAndEvaluate(examples: readonly LabelledExample[], options: TrainingOptions): TrainingReport {
  const { train: trainSplit, test } = stratifiedSplit(examples, stratum, options);
  const sources = [...new Set(examples.map((example) => example.source))].sort();
  const model = train(trainSplit, { trainedOn: { examples: trainSplit.length, sources, seed: options.seed, holdout: options.holdout } });

  // A separate seed so the validation slice is not a function of the test split's draw.
  const { train: fitSplit, test: validation } = stratifiedSplit(trainSplit, stratum, { holdout: 0.25, seed: options.seed + 1 });
  const recommendedThreshold = bestThreshold(train(fitSplit), validation).threshold;

  const detectors: { name: string; detector: Detector }[] = [
    { name: 'classifier @ 0.5', detector: { kind: 'classifier', threshold: 0.5 } },
    { name: `classifier @ ${recommendedThreshold}`, detector: { kind: 'classifier', threshold: recommendedThreshold } },
    { name: 'rules alone', detector: { kind: 'rules', rules: DEFAULT_TEXT_RULES } },
    ...RULE_NAMES.map((rule) => ({ name: `rule ${rule} alone`, detector: { kind: 'rules', rules: onlyRule(rule) } as const })),
    {
      name: `rules or classifier @ ${recommendedThreshold}`,
      detector: { kind: 'rules-or-classifier', rules: DEFAULT_TEXT_RULES, threshold: recommendedThreshold },
    },
  ];
  const results = detectors.map(({ name, detector }) => ({ name, detector, evaluations: evaluate(detector, model, test) }));
  return { model, trainExamples: trainSplit.length, testExamples: test.length, recommendedThreshold, results };
}
