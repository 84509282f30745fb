import { z } from 'zod';
import { declareNode, IN_PORT } from '../../catalog/declaration.ts';
import { inputFieldSchema } from '../../catalog/fields.ts';
import { durationSchema } from '../../duration.ts';
import { withFields } from '../../records/schema-fields.ts';
import { durationProblems } from '../../validation/config-problems.ts';
import { SPAM_REASONS, spamInputIssues } from './record-schemas.ts';

const enabled = z.boolean().default(true).describe('Whether this rule runs.');

/** The default classifier threshold: see docs/spam-filter.md for what each value flags on data the model never saw. */
export const DEFAULT_SPAM_THRESHOLD = 0.5;

const rulesSchema = z.strictObject({
  links: z
    .strictObject({
      enabled,
      maxLinks: z
        .int()
        .min(0)
        .default(1)
        .describe('How many links a review may contain; a review with one link is left to the classifier, which weighs it.'),
    })
    .prefault({})
    .describe('Flags reviews with more links than allowed.'),
  contacts: z.strictObject({ enabled }).prefault({}).describe('Flags e-mail addresses, phone numbers and messenger handles.'),
  blocklist: z
    .strictObject({ enabled, terms: z.array(z.string().min(1)).default([]).describe('Words or phrases that mark a review as spam.') })
    .prefault({})
    .describe('Flags reviews containing blocked terms.'),
  shouting: z
    .strictObject({
      enabled: z
        .boolean()
        .default(false)
        .describe('Whether this rule runs. Off by default: honest people shout too; the classifier weighs capitals instead.'),
      maxCapsRatio: z.number().min(0).max(1).default(0.7).describe('Largest share of capital letters allowed.'),
      minLetters: z.int().min(0).default(12).describe('Texts with fewer letters are never shouting.'),
      maxRepeatedChars: z.int().min(1).default(6).describe('Longest run of one repeated character allowed.'),
    })
    .prefault({})
    .describe('Flags SHOUTING and characters repeated many times.'),
  duplicateText: z
    .strictObject({
      enabled,
      minWords: z
        .int()
        .min(1)
        .default(8)
        .describe('Texts of at least this many words are long: the same long text from another user is a copy.'),
      remember: durationSchema
        .default('30d')
        .describe('How long a text is remembered after it was last posted: copies further apart are not seen.'),
      burst: z
        .strictObject({
          users: z
            .int()
            .min(2)
            .max(16)
            .default(5)
            .describe(
              'A short text posted by this many different users within `within` is a burst: the review that makes it one is spam, and so are later ones.',
            ),
          within: durationSchema.default('10m').describe('The period for a burst, by the reviews’ own times.'),
        })
        .prefault({})
        .describe('Short common texts ("Good", "Great course") are fine from different people, but not all at once.'),
    })
    .prefault({})
    .describe('Flags copies: the same text from the same user, a long text from another user, or a burst of one text.'),
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
      threshold: z
        .number()
        .min(0)
        .max(1)
        .default(DEFAULT_SPAM_THRESHOLD)
        .describe(
          'The sensitivity: spam score at or above which a review is spam (texts of under 4 words need halfway to 1). Lower flags more spam and more honest reviews; docs/spam-filter.md has the figures for each value.',
        ),
    })
    .prefault({})
    .describe('A trained text classifier.'),
});

export const spamFilterConfigSchema = z
  .strictObject({
    idField: inputFieldSchema.default('id').describe('The field that identifies a review (edits keep it).'),
    userField: inputFieldSchema.default('userId').describe('The field that identifies the author.'),
    textFields: z.array(inputFieldSchema).min(1).default(['title', 'content']).describe('The text fields the rules read.'),
    rules: rulesSchema.prefault({}).describe('The rules; a review matching any enabled rule is spam.'),
  })
  .describe('Configuration of a spam-filter node.');

export type SpamFilterConfig = z.output<typeof spamFilterConfigSchema>;

export const spamFilter = declareNode({
  type: 'spam-filter',
  label: 'Spam filter',
  category: 'stateful',
  doc: 'Splits reviews into valid ones and spam, with the reasons.',
  icon: '⛨',
  iconPaths: ['M8 1.8l5 1.9v4.1c0 3.1-2.1 5.3-5 6.4-2.9-1.1-5-3.3-5-6.4V3.7z', 'M6 6l4 4M10 6l-4 4'],
  color: '#dc2626',
  configSchema: spamFilterConfigSchema,
  starter: {},
  inputs: [IN_PORT],
  outputs: () => [
    { name: 'valid', doc: 'Reviews no rule flagged.' },
    {
      name: 'spam',
      doc: 'Flagged reviews, with spamReasons: {rule, detail, ...}[] (the rule, a sentence saying why, and the same as data).',
    },
  ],
  outputSchema: (_config, input, port) => (input && port === 'spam' ? withFields(input, { spamReasons: SPAM_REASONS }) : input),
  inputIssues: spamInputIssues,
  keyEffect: () => 'keeps',
  stateful: true,
  configIssues: (config) => durationProblems(config.rules.velocity.within, ['rules', 'velocity', 'within'], true),
});
