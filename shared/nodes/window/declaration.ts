import { z } from 'zod';
import { declareNode, IN_PORT } from '../../catalog/declaration.ts';
import { inputFieldSchema } from '../../catalog/fields.ts';
import { durationSchema } from '../../duration.ts';
import { duplicateNames, durationProblems, windowDurationProblems } from '../../validation/config-problems.ts';
import { windowInputIssues, windowOutputSchema } from './record-schemas.ts';

const windowName = z
  .string()
  .regex(/^[a-zA-Z][a-zA-Z0-9_]{0,62}$/, 'must be a name like allTime or last90Days')
  .describe('The window name; output records carry it.');

const windowSchema = z
  .discriminatedUnion('type', [
    z.strictObject({ name: windowName, type: z.literal('all-time').describe('One window since the beginning.') }),
    z.strictObject({
      name: windowName,
      type: z.literal('tumbling').describe('Fixed, non-overlapping windows.'),
      size: durationSchema.describe('How long each window is.'),
    }),
    z.strictObject({
      name: windowName,
      type: z.literal('hopping').describe('Fixed windows that overlap, starting every `advance`.'),
      size: durationSchema.describe('How long each window is.'),
      advance: durationSchema.describe('How far apart window starts are.'),
    }),
    z.strictObject({
      name: windowName,
      type: z.literal('sliding').describe('The last `size` of event time, updated on every record.'),
      size: durationSchema.describe('How far back the window reaches.'),
    }),
  ])
  .describe('A window over event time.');

const aggregateName = z
  .string()
  .regex(/^[a-zA-Z][a-zA-Z0-9_]{0,62}$/, 'must be a field name like count or averageRating')
  .describe('The output field.');

const aggregateSchema = z
  .discriminatedUnion('fn', [
    z.strictObject({ name: aggregateName, fn: z.literal('count').describe('How many records.') }),
    z.strictObject({
      name: aggregateName,
      fn: z.enum(['sum', 'avg', 'min', 'max']).describe('The aggregate function.'),
      field: inputFieldSchema.describe('The numeric field it reads.'),
    }),
  ])
  .describe('An aggregate computed per key and window.');

export const windowConfigSchema = z
  .strictObject({
    keyField: inputFieldSchema.describe('The field to group by (e.g. courseId); output records are keyed by it.'),
    eventTimeField: inputFieldSchema.describe('The field holding the event time that places a record in windows.'),
    idField: inputFieldSchema
      .optional()
      .describe('When set, records with the same id replace each other (edits) and tombstones remove them.'),
    windows: z.array(windowSchema).min(1, 'needs at least one window').describe('The windows to compute.'),
    aggregates: z.array(aggregateSchema).min(1, 'needs at least one aggregate').describe('The aggregates per key and window.'),
    allowedLateness: durationSchema.default('0s').describe('How late a record may arrive and still update a closed window.'),
  })
  .describe('Configuration of a window node.');

export type WindowConfig = z.output<typeof windowConfigSchema>;

/** The port of records too late for a closed window. */
export const LATE_PORT = 'late';
export type WindowSpec = WindowConfig['windows'][number];
export type AggregateSpec = WindowConfig['aggregates'][number];

export const window = declareNode({
  type: 'window',
  label: 'Window',
  category: 'stateful',
  doc: 'Aggregates records per key over event-time windows.',
  icon: '▦',
  iconPaths: ['M3.5 2.5h9a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1h-9a1 1 0 0 1-1-1v-9a1 1 0 0 1 1-1z', 'M2.5 6.5h11M6.5 6.5v7M10 6.5v7'],
  color: '#7c3aed',
  configSchema: windowConfigSchema,
  starter: {
    keyField: 'courseId',
    eventTimeField: 'createdAt',
    windows: [{ name: 'allTime', type: 'all-time' }],
    aggregates: [{ name: 'count', fn: 'count' }],
  },
  inputs: [IN_PORT],
  outputs: () => [
    { name: 'out', doc: 'One record per key with every window’s aggregates, on each change.' },
    {
      name: LATE_PORT,
      doc: 'Records later than the allowed lateness for a closed window (they still count in the windows still open); unwired, they go to the dead-letter topic.',
    },
  ],
  outputSchema: (config, input, port) => (port === LATE_PORT ? input : windowOutputSchema(config)),
  inputIssues: windowInputIssues,
  requires: { keyField: true, eventTimeField: true },
  keyEffect: () => 'sets',
  stateful: true,
  configIssues: (config) => [
    ...config.windows.flatMap((window, i) => windowDurationProblems(window, ['windows', i])),
    ...durationProblems(config.allowedLateness, ['allowedLateness'], false),
    ...duplicateNames(
      config.windows.map((window) => window.name),
      ['windows'],
      'name',
      'window name',
    ),
    ...duplicateNames(
      config.aggregates.map((aggregate) => aggregate.name),
      ['aggregates'],
      'name',
      'aggregate name',
    ),
  ],
});
