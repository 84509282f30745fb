import { z } from 'zod';

/**
 * A trained multinomial naive Bayes model, plain JSON. Per feature bucket it keeps how many
 * spam and ham training texts contained it; everything else is derived at load time.
 */
export const spamModelSchema = z.strictObject({
  kind: z.literal('sluice-spam-naive-bayes'),
  version: z.literal(1),
  features: z.strictObject({
    hashBits: z.int().min(8).max(30),
    charNgramMin: z.int().min(1),
    charNgramMax: z.int().min(1),
  }),
  /** Laplace (add-alpha) smoothing. */
  alpha: z.number().positive(),
  /** Training texts per class: the prior. */
  documents: z.strictObject({ spam: z.int().min(0), ham: z.int().min(0) }),
  /** Kept buckets, ascending, stored as differences from the previous one to keep the file small. */
  bucketDeltas: z.array(z.int().min(0)),
  spamCounts: z.array(z.int().min(0)),
  hamCounts: z.array(z.int().min(0)),
  /** Where the model came from, for people reading the file. */
  trainedOn: z.strictObject({
    examples: z.int().min(0),
    sources: z.array(z.string()),
    seed: z.int().optional(),
    holdout: z.number().optional(),
  }),
});

export type SpamModel = z.infer<typeof spamModelSchema>;
