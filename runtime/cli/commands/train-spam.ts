// `sluice train-spam <corpus...>`: trains the spam filter's classifier on labelled texts,
// measures it on a held-out split and writes the model file.
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { serializeModel } from '../../nodes/spam-filter/classifier.ts';
import { readCorpusPaths } from '../../nodes/spam-filter/corpus-files.ts';
import { saveModel } from '../../nodes/spam-filter/model-files.ts';
import { reportTable } from '../../nodes/spam-filter/report-table.ts';
import { trainAndEvaluate } from '../../nodes/spam-filter/training.ts';
import { numberOption, parseArgs } from '../args.ts';
import { type Command, UsageError } from '../command.ts';

const DEFAULT_OUT = 'spam-model.json';

export const trainSpam: Command = {
  name: 'train-spam',
  summary: 'train the spam classifier on labelled texts, print held-out precision/recall, write the model',
  usage: 'train-spam <labelled.csv|SMSSpamCollection|dir>... [--out model.json] [--holdout 0.2] [--seed 42]',
  async run(args) {
    const { options, positional } = parseArgs(args);
    for (const name of options.keys()) {
      if (!['out', 'holdout', 'seed'].includes(name)) throw new UsageError(`unknown option --${name}`);
    }
    if (positional.length === 0) throw new UsageError('which labelled files or folders?');
    const holdout = numberOption(options, 'holdout', 0.2);
    if (holdout <= 0 || holdout >= 1) throw new UsageError('--holdout must be between 0 and 1, e.g. 0.2');
    const seed = numberOption(options, 'seed', 42);
    if (!Number.isInteger(seed)) throw new UsageError('--seed must be a whole number');
    const out = options.get('out') ?? DEFAULT_OUT;

    const read = await readCorpusPaths(positional);
    if (!read.ok) {
      console.error(`sluice train-spam: ${read.message}`);
      return 2;
    }
    const spam = read.examples.filter((example) => example.spam).length;
    if (spam === 0 || spam === read.examples.length) {
      console.error('sluice train-spam: the data needs both spam and ham examples');
      return 2;
    }

    const report = trainAndEvaluate(read.examples, { holdout, seed });
    console.log(`read ${read.examples.length} labelled texts (${spam} spam) from ${positional.join(', ')}`);
    console.log(`trained on ${report.trainExamples}, measured on ${report.testExamples} held out (seed ${seed})\n`);
    console.log(reportTable(report));
    console.log(`\nrecommended threshold: ${report.recommendedThreshold} (best F1 on a validation slice of the train split)`);

    await mkdir(dirname(out), { recursive: true });
    await saveModel(out, report.model);
    const kilobytes = (Buffer.byteLength(serializeModel(report.model)) / 1024).toFixed(0);
    console.log(`wrote ${out} (${report.model.bucketDeltas.length} features, ${kilobytes} KB)`);
    return 0;
  },
};
