/** Counts of a binary spam decision against the labels; spam is the positive class. */
export interface Confusion {
  truePositives: number;
  falsePositives: number;
  trueNegatives: number;
  falseNegatives: number;
}

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
}

export function confusionOf(outcomes: readonly { spam: boolean; flagged: boolean }[]): Confusion {
  const confusion: Confusion = { truePositives: 0, falsePositives: 0, trueNegatives: 0, falseNegatives: 0 };
  for (const { spam, flagged } of outcomes) {
    if (spam && flagged) confusion.truePositives++;
    else if (flagged) confusion.falsePositives++;
    else if (spam) confusion.falseNegatives++;
    else confusion.trueNegatives++;
  }
  return confusion;
}

/** Precision, recall, F1 and accuracy; a ratio with nothing to divide by counts as 0. */
export function scoresOf(confusion: Confusion): Scores {
  const { truePositives: tp, falsePositives: fp, trueNegatives: tn, falseNegatives: fn } = confusion;
  const ratio = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  return { precision, recall, f1: ratio(2 * precision * recall, precision + recall), accuracy: ratio(tp + tn, tp + tn + fp + fn) };
}
