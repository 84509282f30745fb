// `sluice train-spam [corpus...]`: trains the spam filter's classifier on labelled texts, measures it on a held-out
// split and writes the model file; with --evaluate, measures the whole filter the honest way instead (each source
// left out of training in turn, then tested on) and the shipped model on its own held-out split.
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { serializeModel } from '../../../shared/nodes/spam-filter/classifier.ts';
import type { LabelledExample } from '../../../shared/nodes/spam-filter/corpora.ts';
import { spamFilterConfigSchema } from '../../../shared/nodes/spam-filter/declaration.ts';
import { leaveOneSourceOut } from '../../../shared/nodes/spam-filter/leave-one-out.ts';
import { leaveOneOutTable, reportTable, thresholdCurve } from '../../../shared/nodes/spam-filter/report-table.ts';
import { DEFAULT_TEXT_RULES, trainAndEvaluate } from '../../../shared/nodes/spam-filter/training.ts';
import { CORPUS_GROUPS, dataDirectory, readCorpusPaths } from '../../spam/corpus-files.ts';
import { saveModel } from '../../spam/model-files.ts';
import { numberOption, parseArgs } from '../args.ts';
import { type Command, UsageError } from '../command.ts';
import { ProgressBar } from '../progress.ts';

const DEFAULT_OUT = 'spam-model.json';
export const CURVE_THRESHOLDS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95];

function evaluateAll(examples: LabelledExample[], options: { holdout: number; seed: number; threshold: number }): void {
  const sources = new Set(examples.map((example) => example.source)).size;
  const progress = new ProgressBar(process.stderr, sources + 1);
  const loo = leaveOneSourceOut(examples, {
    rules: DEFAULT_TEXT_RULES,
    threshold: options.threshold,
    onSource: (source, index) => progress.step(index, `training without ${source}`),
  });
  progress.step(sources, 'training the shipped model on its train split');
  const shipped = trainAndEvaluate(examples, options);
  progress.finish();
  console.log(`## Each source left out of training, then tested on (threshold ${options.threshold}, default rules)\n`);
  console.log(leaveOneOutTable(loo));
  console.log('\n## The whole filter over the threshold, each source judged by the model that never saw it\n');
  // Other data than the project's: the curve pooled over everything.
  const groups = CORPUS_GROUPS.filter((group) => loo.judged.some((one) => group.matches(one.source)));
  console.log(thresholdCurve(loo.judged, CURVE_THRESHOLDS, groups.length > 0 ? groups : [{ name: 'all', matches: () => true }]));
  // The targets are per video: the same for each YouTube file on its own.
  const videos = [...new Set(loo.judged.map((one) => one.source))]
    .filter((source) => source.startsWith('youtube-spam/'))
    .map((source) => ({ name: source.replace(/^youtube-spam\/Youtube\d+-|\.csv$/g, ''), matches: (other: string) => other === source }));
  if (videos.length > 0) {
    console.log('\nEach video on its own:\n');
    console.log(thresholdCurve(loo.judged, CURVE_THRESHOLDS, videos));
  }
  console.log(`\n## The shipped model on its own held-out split (seed ${options.seed}, holdout ${options.holdout})\n`);
  console.log(reportTable(shipped));
}

export const trainSpam: Command = {
  name: 'train-spam',
  summary: 'train the spam classifier on labelled texts (data/ by default) and write the model; --evaluate measures it',
  usage: 'train-spam [labelled.csv|SMSSpamCollection|dir]... [--out model.json] [--holdout 0.2] [--seed 42] [--threshold 0.5] [--evaluate]',
  async run(args) {
    const { options, positional } = parseArgs(args, ['evaluate']);
    for (const name of options.keys()) {
      if (!['out', 'holdout', 'seed', 'threshold', 'evaluate'].includes(name)) throw new UsageError(`unknown option --${name}`);
    }
    const holdout = numberOption(options, 'holdout', 0.2);
    if (holdout <= 0 || holdout >= 1) throw new UsageError('--holdout must be between 0 and 1, e.g. 0.2');
    const seed = numberOption(options, 'seed', 42);
    if (!Number.isInteger(seed)) throw new UsageError('--seed must be a whole number');
    const catalogThreshold = spamFilterConfigSchema.parse({}).rules.classifier.threshold;
    const threshold = numberOption(options, 'threshold', catalogThreshold);
    if (threshold > 1) throw new UsageError('--threshold must be between 0 and 1');
    const paths = positional.length > 0 ? positional : [dataDirectory()];

    const read = await readCorpusPaths(paths);
    if (!read.ok) {
      console.error(`sluice train-spam: ${read.message}`);
      return 2;
    }
    const spam = read.examples.filter((example) => example.spam).length;
    if (spam === 0 || spam === read.examples.length) {
      console.error('sluice train-spam: the data needs both spam and ham examples');
      return 2;
    }
    console.log(`read ${read.examples.length} labelled texts (${spam} spam) from ${paths.join(', ')}\n`);
    if (options.has('evaluate')) {
      evaluateAll(read.examples, { holdout, seed, threshold });
      return 0;
    }

    const report = trainAndEvaluate(read.examples, { holdout, seed, threshold });
    console.log(`trained on ${report.trainExamples}, measured on ${report.testExamples} held out (seed ${seed})\n`);
    console.log(reportTable(report));
    const out = options.get('out') ?? DEFAULT_OUT;
    await mkdir(dirname(out), { recursive: true });
    await saveModel(out, report.model);
    const kilobytes = (Buffer.byteLength(serializeModel(report.model)) / 1024).toFixed(0);
    console.log(`\nwrote ${out} (${report.model.bucketDeltas.length} features, ${kilobytes} KB)`);
    return 0;
  },
};
