import { z } from 'zod';

/** Weights are stored as whole numbers of this unit: exact in JSON, and a third of the size of full doubles. */
export const WEIGHT_UNIT = 1e-4;

/**
 * A trained logistic-regression model, plain JSON: per kept feature bucket its weight in the log-odds of spam.
 * A text's score is the logistic of the sum of its features' weights (the bias is one of them).
 */
export const spamModelSchema = z.strictObject({
  kind: z.literal('sluice-spam-logistic'),
  version: z.literal(1),
  features: z.strictObject({
    hashBits: z.int().min(8).max(30),
    charNgramMin: z.int().min(1),
    charNgramMax: z.int().min(1),
    neverSpamWords: z.array(z.string()),
  }),
  /** Kept buckets, ascending, stored as differences from the previous one to keep the file small. */
  bucketDeltas: z.array(z.int().min(0)),
  /** Per kept bucket, its weight in units of WEIGHT_UNIT. */
  weights: z.array(z.int()),
  /** How it was trained (FTRL-Proximal), for people reading the file and for retraining it the same way. */
  training: z.strictObject({
    alpha: z.number().positive(),
    beta: z.number().min(0),
    l1: z.number().min(0),
    l2: z.number().min(0),
    epochs: z.int().min(1),
    seed: z.int(),
  }),
  /** Where the model came from. */
  trainedOn: z.strictObject({
    examples: z.int().min(0),
    sources: z.array(z.string()),
    seed: z.int().optional(),
    holdout: z.number().optional(),
  }),
});

export type SpamModel = z.infer<typeof spamModelSchema>;
