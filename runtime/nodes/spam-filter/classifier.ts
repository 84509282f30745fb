import { DEFAULT_FEATURE_OPTIONS, type FeatureOptions, featureBuckets } from './features.ts';
import { type SpamModel, spamModelSchema } from './model.ts';

export interface LabelledText {
  text: string;
  spam: boolean;
}

export interface TrainOptions {
  features: FeatureOptions;
  alpha: number;
  /** Features in fewer training texts than this are dropped: they are mostly noise and most of the file. */
  minDocuments: number;
  /** Upper bound on kept features (the most frequent win), to bound the model file. */
  maxFeatures: number;
  trainedOn: SpamModel['trainedOn'];
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  features: DEFAULT_FEATURE_OPTIONS,
  alpha: 1,
  minDocuments: 3,
  maxFeatures: 60_000,
  trainedOn: { examples: 0, sources: [] },
};

export function train(examples: readonly LabelledText[], options: Partial<TrainOptions> = {}): SpamModel {
  const settings = { ...DEFAULT_TRAIN_OPTIONS, ...options };
  const counts = new Map<number, [spam: number, ham: number]>();
  let spamDocuments = 0;
  for (const example of examples) {
    if (example.spam) spamDocuments++;
    for (const bucket of featureBuckets(example.text, settings.features)) {
      const entry = counts.get(bucket) ?? [0, 0];
      entry[example.spam ? 0 : 1]++;
      counts.set(bucket, entry);
    }
  }
  const kept = [...counts.entries()]
    .filter(([, [spam, ham]]) => spam + ham >= settings.minDocuments)
    // Most frequent first, bucket as tie-break: the same input always keeps the same features.
    .sort(([bucketA, a], [bucketB, b]) => b[0] + b[1] - (a[0] + a[1]) || bucketA - bucketB)
    .slice(0, settings.maxFeatures)
    .sort(([a], [b]) => a - b);
  let previous = 0;
  return {
    kind: 'sluice-spam-naive-bayes',
    version: 1,
    features: settings.features,
    alpha: settings.alpha,
    documents: { spam: spamDocuments, ham: examples.length - spamDocuments },
    bucketDeltas: kept.map(([bucket]) => {
      const delta = bucket - previous;
      previous = bucket;
      return delta;
    }),
    spamCounts: kept.map(([, [spam]]) => spam),
    hamCounts: kept.map(([, [, ham]]) => ham),
    trainedOn: { ...settings.trainedOn, examples: examples.length },
  };
}

/** Per bucket, log P(feature | spam) - log P(feature | ham), computed once per model. */
interface Scorer {
  logPriorRatio: number;
  logRatioByBucket: Map<number, number>;
}

function buildScorer(model: SpamModel): Scorer {
  const spamTotal = model.spamCounts.reduce((sum, count) => sum + count, 0);
  const hamTotal = model.hamCounts.reduce((sum, count) => sum + count, 0);
  const vocabulary = model.bucketDeltas.length;
  const spamDenominator = Math.log(spamTotal + model.alpha * vocabulary);
  const hamDenominator = Math.log(hamTotal + model.alpha * vocabulary);
  const logRatioByBucket = new Map<number, number>();
  let bucket = 0;
  model.bucketDeltas.forEach((delta, index) => {
    bucket += delta;
    const spam = Math.log((model.spamCounts[index] ?? 0) + model.alpha) - spamDenominator;
    const ham = Math.log((model.hamCounts[index] ?? 0) + model.alpha) - hamDenominator;
    logRatioByBucket.set(bucket, spam - ham);
  });
  // Smoothed like the features, so a model trained on one class still gives finite answers.
  const logPriorRatio = Math.log(model.documents.spam + 1) - Math.log(model.documents.ham + 1);
  return { logPriorRatio, logRatioByBucket };
}

const scorers = new WeakMap<SpamModel, Scorer>();

function scorerFor(model: SpamModel): Scorer {
  let scorer = scorers.get(model);
  if (scorer === undefined) {
    scorer = buildScorer(model);
    scorers.set(model, scorer);
  }
  return scorer;
}

/** The log-odds that the text is spam; features the model never kept are ignored. */
export function spamLogOdds(model: SpamModel, text: string): number {
  const { logPriorRatio, logRatioByBucket } = scorerFor(model);
  let logOdds = logPriorRatio;
  for (const bucket of featureBuckets(text, model.features)) logOdds += logRatioByBucket.get(bucket) ?? 0;
  return logOdds;
}

/** The probability that the text is spam, in [0, 1]. */
export function predict(model: SpamModel, text: string): number {
  return 1 / (1 + Math.exp(-spamLogOdds(model, text)));
}

export type ModelParse = { ok: true; model: SpamModel } | { ok: false; message: string };

export function parseModel(json: string): ModelParse {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    return { ok: false, message: `not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const parsed = spamModelSchema.safeParse(data);
  if (!parsed.success) return { ok: false, message: `not a spam model: ${parsed.error.issues[0]?.message ?? 'invalid'}` };
  const { bucketDeltas, spamCounts, hamCounts } = parsed.data;
  if (spamCounts.length !== bucketDeltas.length || hamCounts.length !== bucketDeltas.length) {
    return { ok: false, message: 'not a spam model: count arrays differ in length' };
  }
  return { ok: true, model: parsed.data };
}

/** One line per top-level field, arrays unbroken: small, and diffs of retrained models stay readable. */
export function serializeModel(model: SpamModel): string {
  const lines = Object.entries(model).map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`);
  return `{\n${lines.join(',\n')}\n}\n`;
}
