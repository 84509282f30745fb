import { z } from 'zod';
import { durationSchema } from '../duration.ts';
import { IN_PORT, type NodeDeclaration } from './declaration.ts';
import { fieldNameSchema } from './fields.ts';

const enabled = z.boolean().default(true).describe('Whether this rule runs.');

const rulesSchema = z.strictObject({
  links: z
    .strictObject({ enabled, maxLinks: z.int().min(0).default(0).describe('How many links a review may contain.') })
    .prefault({})
    .describe('Flags reviews with too many links.'),
  contacts: z.strictObject({ enabled }).prefault({}).describe('Flags e-mail addresses and phone numbers.'),
  blocklist: z
    .strictObject({ enabled, terms: z.array(z.string().min(1)).default([]).describe('Words or phrases that mark a review as spam.') })
    .prefault({})
    .describe('Flags reviews containing blocked terms.'),
  shouting: z
    .strictObject({
      enabled,
      maxCapsRatio: z.number().min(0).max(1).default(0.7).describe('Largest share of capital letters allowed.'),
      minLetters: z.int().min(0).default(12).describe('Texts with fewer letters are never shouting.'),
      maxRepeatedChars: z.int().min(1).default(6).describe('Longest run of one repeated character allowed.'),
    })
    .prefault({})
    .describe('Flags SHOUTING and characters repeated many times.'),
  duplicateText: z
    .strictObject({ enabled, minLength: z.int().min(0).default(20).describe('Shorter texts are never duplicates.') })
    .prefault({})
    .describe('Flags the same text posted again by another review.'),
  velocity: z
    .strictObject({
      enabled,
      maxReviews: z.int().min(1).default(5).describe('How many reviews one user may post within the period.'),
      within: durationSchema.default('1h').describe('The period for maxReviews.'),
    })
    .prefault({})
    .describe('Flags users posting too many reviews too fast.'),
  classifier: z
    .strictObject({
      enabled,
      model: z.string().min(1).default('models/spam-model.json').describe('The trained model file, relative to pipelines/.'),
      threshold: z.number().min(0).max(1).default(0.9).describe('Spam probability at or above which a review is spam.'),
    })
    .prefault({})
    .describe('A trained text classifier.'),
});

export const spamFilterConfigSchema = z
  .strictObject({
    idField: fieldNameSchema.default('id').describe('The field that identifies a review (edits keep it).'),
    userField: fieldNameSchema.default('userId').describe('The field that identifies the author.'),
    textFields: z.array(fieldNameSchema).min(1).default(['title', 'content']).describe('The text fields the rules read.'),
    rules: rulesSchema.prefault({}).describe('The rules; a review matching any enabled rule is spam.'),
  })
  .describe('Configuration of a spam-filter node.');

export type SpamFilterConfig = z.output<typeof spamFilterConfigSchema>;

export const spamFilter: NodeDeclaration<SpamFilterConfig> = {
  type: 'spam-filter',
  label: 'Spam filter',
  category: 'stateful',
  doc: 'Splits reviews into valid ones and spam, with the reasons.',
  icon: '⛨',
  color: '#dc2626',
  configSchema: spamFilterConfigSchema,
  inputs: [IN_PORT],
  outputs: () => [
    { name: 'valid', doc: 'Reviews no rule flagged.' },
    { name: 'spam', doc: 'Flagged reviews, with spamReasons: {rule, detail}[].' },
  ],
  keyEffect: () => 'keeps',
  stateful: true,
};
