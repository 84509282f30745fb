import { DEFAULT_FEATURE_OPTIONS, type FeatureOptions, visitFeatures } from './features.ts';
import { type SpamModel, spamModelSchema, WEIGHT_UNIT } from './model.ts';
import { scorerOf } from './scoring.ts';
import { signalsOf, type TextInput } from './signals.ts';
import { mulberry32 } from './split.ts';
import { weightTableOf } from './weight-table.ts';

export interface LabelledText {
  text: string;
  spam: boolean;
}

/** FTRL-Proximal (McMahan et al., 2013): per-feature learning rates, L1 makes most of the 2^20 weights exactly 0. */
export interface TrainOptions {
  features: FeatureOptions;
  alpha: number;
  beta: number;
  l1: number;
  l2: number;
  /** Passes over the examples, each in a new seeded order. */
  epochs: number;
  seed: number;
  trainedOn: Omit<SpamModel['trainedOn'], 'examples'>;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  features: DEFAULT_FEATURE_OPTIONS,
  alpha: 0.2,
  beta: 1,
  l1: 0.5,
  l2: 1,
  epochs: 10,
  seed: 42,
  trainedOn: { sources: [] },
};

const sigmoid = (logOdds: number) => 1 / (1 + Math.exp(-Math.max(-35, Math.min(35, logOdds))));

/** Every example's distinct buckets, flattened into one array (with offsets): training reads them many times. */
function encode(examples: readonly LabelledText[], features: FeatureOptions, neverSpam: Uint8Array) {
  const offsets = new Int32Array(examples.length + 1);
  const all: number[] = [];
  examples.forEach((example, index) => {
    const seen = new Set<number>();
    visitFeatures(signalsOf(example.text), features, (bucket, _label, kind) => {
      if (seen.has(bucket)) return;
      seen.add(bucket);
      all.push(bucket);
      if (kind === 'never-spam word') neverSpam[bucket] = 1;
    });
    offsets[index + 1] = all.length;
  });
  return { offsets, buckets: Int32Array.from(all) };
}

export function train(examples: readonly LabelledText[], options: Partial<TrainOptions> = {}): SpamModel {
  const settings = { ...DEFAULT_TRAIN_OPTIONS, ...options };
  const { alpha, beta, l1, l2 } = settings;
  const size = 2 ** settings.features.hashBits;
  const z = new Float64Array(size);
  const n = new Float64Array(size);
  const neverSpam = new Uint8Array(size);
  const weightOf = (i: number) => {
    const zi = z[i] as number;
    if (Math.abs(zi) <= l1) return 0;
    const weight = -(zi - Math.sign(zi) * l1) / ((beta + Math.sqrt(n[i] as number)) / alpha + l2);
    return neverSpam[i] === 1 && weight > 0 ? 0 : weight;
  };
  const { offsets, buckets } = encode(examples, settings.features, neverSpam);
  const labels = Uint8Array.from(examples, (example) => (example.spam ? 1 : 0));
  const order = Int32Array.from(examples, (_, index) => index);
  const random = mulberry32(settings.seed);
  const weights = new Float64Array(Math.max(1, ...offsets.map((end, i) => (i === 0 ? 0 : end - (offsets[i - 1] as number)))));
  for (let epoch = 0; epoch < settings.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const swap = order[i] as number;
      order[i] = order[j] as number;
      order[j] = swap;
    }
    for (const index of order) {
      const from = offsets[index] as number;
      const to = offsets[index + 1] as number;
      let logOdds = 0;
      for (let k = from; k < to; k++) {
        const weight = weightOf(buckets[k] as number);
        weights[k - from] = weight;
        logOdds += weight;
      }
      const gradient = sigmoid(logOdds) - (labels[index] as number);
      const squared = gradient * gradient;
      for (let k = from; k < to; k++) {
        const bucket = buckets[k] as number;
        const previous = n[bucket] as number;
        const sigma = (Math.sqrt(previous + squared) - Math.sqrt(previous)) / alpha;
        z[bucket] = (z[bucket] as number) + gradient - sigma * (weights[k - from] as number);
        n[bucket] = previous + squared;
      }
    }
  }
  const bucketDeltas: number[] = [];
  const kept: number[] = [];
  let previous = 0;
  for (let bucket = 0; bucket < size; bucket++) {
    const units = Math.round(weightOf(bucket) / WEIGHT_UNIT);
    if (units === 0) continue;
    bucketDeltas.push(bucket - previous);
    kept.push(units);
    previous = bucket;
  }
  return {
    kind: 'sluice-spam-logistic',
    version: 1,
    features: settings.features,
    bucketDeltas,
    weights: kept,
    training: { alpha, beta, l1, l2, epochs: settings.epochs, seed: settings.seed },
    trainedOn: { examples: examples.length, ...settings.trainedOn },
  };
}

/** The log-odds that the text is spam; features the model never kept weigh nothing, and each bucket counts once. */
export function spamLogOdds(model: SpamModel, input: TextInput): number {
  return scorerOf(model).logOdds(signalsOf(input));
}

/** The probability that the text is spam, in [0, 1]. */
export function predict(model: SpamModel, input: TextInput): number {
  return sigmoid(spamLogOdds(model, input));
}

/**
 * What moved the text's score, per feature as a person names it (a word with its character n-grams, a word pair,
 * "a link"), strongest first; the bias is left out. The weights add up, with the bias, to the log-odds.
 */
export function contributions(model: SpamModel, input: TextInput): { feature: string; weight: number }[] {
  const weights = weightTableOf(model);
  const seen = new Set<number>();
  const byLabel = new Map<string, number>();
  visitFeatures(signalsOf(input), model.features, (bucket, label) => {
    if (seen.has(bucket)) return;
    seen.add(bucket);
    const weight = weights.get(bucket);
    if (weight === undefined || label === null) return;
    byLabel.set(label, (byLabel.get(label) ?? 0) + weight);
  });
  return [...byLabel.entries()]
    .map(([feature, weight]) => ({ feature, weight }))
    .sort((a, b) => b.weight - a.weight || a.feature.localeCompare(b.feature));
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
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: `not a spam model: ${issue ? `${issue.path.join('.') || 'file'}: ${issue.message}` : 'invalid'}` };
  }
  if (parsed.data.weights.length !== parsed.data.bucketDeltas.length) {
    return { ok: false, message: 'not a spam model: weights and bucketDeltas differ in length' };
  }
  return { ok: true, model: parsed.data };
}

/** One line per top-level field, arrays unbroken: small, and diffs of retrained models stay readable. */
export function serializeModel(model: SpamModel): string {
  const lines = Object.entries(model).map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`);
  return `{\n${lines.join(',\n')}\n}\n`;
}
