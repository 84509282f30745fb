import type { Evaluation, Judged } from './evaluation.ts';
import { evaluationOf } from './evaluation.ts';
import type { LeaveOneOutResult } from './leave-one-out.ts';
import type { TrainingReport } from './training.ts';

const percent = (value: number) => (value * 100).toFixed(1);

const FIGURES = ['n', 'spam', 'precision %', 'recall %', 'false positives %', 'TP', 'FP', 'TN', 'FN'];

/** A Markdown table's header: the label columns left-aligned, the figures right-aligned. */
function header(labels: readonly string[]): string[] {
  return [`| ${[...labels, ...FIGURES].join(' | ')} |`, `| ${[...labels.map(() => '---'), ...FIGURES.map(() => '---:')].join(' | ')} |`];
}

function figures({ examples, scores, confusion, falsePositiveRate }: Evaluation): string {
  const spam = confusion.truePositives + confusion.falseNegatives;
  // Precision and recall mean nothing for a set without spam (the review sentences): a dash, not a 0.
  const precision = spam === 0 || confusion.truePositives + confusion.falsePositives === 0 ? '–' : percent(scores.precision);
  const recall = spam === 0 ? '–' : percent(scores.recall);
  const counts = [confusion.truePositives, confusion.falsePositives, confusion.trueNegatives, confusion.falseNegatives];
  return `${examples} | ${spam} | ${precision} | ${recall} | ${percent(falsePositiveRate)} | ${counts.join(' | ')}`;
}

/** The shipped model's held-out figures, as printed by train-spam and pasted into docs/spam-filter.md. */
export function reportTable(report: TrainingReport): string {
  const lines = header(['detector', 'held-out set']);
  for (const { name, evaluations } of report.results) {
    for (const evaluation of evaluations) lines.push(`| ${name} | ${evaluation.group} | ${figures(evaluation)} |`);
  }
  return lines.join('\n');
}

/** One row per left-out source: the whole filter, and the classifier alone, each on texts from a source it never saw. */
export function leaveOneOutTable(result: LeaveOneOutResult): string {
  const lines = header(['left-out source', 'measured']);
  for (const row of result.bySource) {
    lines.push(`| ${row.source} | rules + classifier | ${figures(row.filter)} |`);
    lines.push(`| ${row.source} | classifier alone | ${figures(row.classifier)} |`);
  }
  return lines.join('\n');
}

export interface CurveGroup {
  name: string;
  matches: (source: string) => boolean;
}

/**
 * Precision, recall and false positives of the whole filter over the threshold, each group pooled over its
 * left-out sources: what the sensitivity setting does to texts from sources the model never saw. A group without
 * spam (the honest review sentences) has only its false positives.
 */
export function thresholdCurve(judged: readonly Judged[], thresholds: readonly number[], groups: readonly CurveGroup[]): string {
  const members = groups.map((group) => ({ ...group, judged: judged.filter((one) => group.matches(one.source)) }));
  const honestOnly = (group: (typeof members)[number]) => !group.judged.some((one) => one.spam);
  const columns = members.flatMap((group) =>
    honestOnly(group) ? [`${group.name}: false positives %`] : [`${group.name}: precision %`, 'recall %', 'false positives %'],
  );
  const lines = [`| threshold | ${columns.join(' | ')} |`, `| ---: | ${columns.map(() => '---:').join(' | ')} |`];
  for (const threshold of thresholds) {
    const cells = members.flatMap((group) => {
      const [, , precision, recall, falsePositives] = figures(evaluationOf('', { kind: 'filter', threshold }, group.judged)).split(' | ');
      return honestOnly(group) ? [falsePositives] : [precision, recall, falsePositives];
    });
    lines.push(`| ${threshold.toFixed(2)} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}
