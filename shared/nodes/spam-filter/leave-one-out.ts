import { type TrainOptions, train } from './classifier.ts';
import type { LabelledExample } from './corpora.ts';
import { type Detector, type Evaluation, evaluationOf, type Judged, judgeAll } from './evaluation.ts';
import type { TextRulesConfig } from './text-rules.ts';

export interface LeaveOneOutOptions {
  rules: TextRulesConfig;
  threshold: number;
  train?: Partial<TrainOptions>;
  /** Called before each source's training, to show progress. */
  onSource?: (source: string, index: number, total: number) => void;
}

export interface LeaveOneOutResult {
  /** Per left-out source: the whole filter (rules and classifier) at the threshold, measured on that source alone. */
  bySource: { source: string; filter: Evaluation; classifier: Evaluation; rules: Evaluation }[];
  /** Every text as judged by the model that never saw its source: for curves over the threshold. */
  judged: Judged[];
}

/**
 * The honest measure: for each source in turn, train on all the others and judge that one, so every figure is of
 * texts from a place (a video, a phone network, a review site) the model has never seen, like the reviews it
 * will meet in production.
 */
export function leaveOneSourceOut(examples: readonly LabelledExample[], options: LeaveOneOutOptions): LeaveOneOutResult {
  const sources = [...new Set(examples.map((example) => example.source))].sort();
  const bySource: LeaveOneOutResult['bySource'] = [];
  const judged: Judged[] = [];
  sources.forEach((source, index) => {
    options.onSource?.(source, index, sources.length);
    const model = train(
      examples.filter((example) => example.source !== source),
      options.train,
    );
    const mine = judgeAll(
      model,
      options.rules,
      examples.filter((example) => example.source === source),
    );
    judged.push(...mine);
    const measure = (detector: Detector) => evaluationOf(source, detector, mine);
    bySource.push({
      source,
      filter: measure({ kind: 'filter', threshold: options.threshold }),
      classifier: measure({ kind: 'classifier', threshold: options.threshold }),
      rules: measure({ kind: 'rules' }),
    });
  });
  return { bySource, judged };
}
