import type { TrainingReport } from './training.ts';

const percent = (value: number) => (value * 100).toFixed(1);

/** The measured figures as a Markdown table, as printed by train-spam and pasted into docs/spam-filter.md. */
export function reportTable(report: TrainingReport): string {
  const lines = [
    '| detector | held-out set | n | precision % | recall % | F1 % | accuracy % | TP | FP | TN | FN |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const { name, evaluations } of report.results) {
    for (const { group, examples, scores, confusion } of evaluations) {
      const figures = [scores.precision, scores.recall, scores.f1, scores.accuracy].map(percent);
      const counts = [confusion.truePositives, confusion.falsePositives, confusion.trueNegatives, confusion.falseNegatives];
      lines.push(`| ${name} | ${group} | ${examples} | ${figures.join(' | ')} | ${counts.join(' | ')} |`);
    }
  }
  return lines.join('\n');
}
