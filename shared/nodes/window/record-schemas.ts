// What records leaving a window look like, and what the window needs of those reaching it.
import type { FieldSchema, RecordSchema } from '../../records/record-schema.ts';
import { isNumeric, isTimeLike } from '../../records/record-schema.ts';
import { fieldOf, hasField } from '../../records/schema-fields.ts';
import type { ConfigProblem } from '../../validation/config-problems.ts';
import type { WindowConfig } from './declaration.ts';

const TIME: FieldSchema = { type: 'string', format: 'date-time' };

function aggregatesSchema(config: WindowConfig): FieldSchema {
  const properties = Object.fromEntries(
    config.aggregates.map((aggregate): [string, FieldSchema] =>
      aggregate.fn === 'count'
        ? [aggregate.name, { type: 'integer', minimum: 0, description: 'How many records.' }]
        : aggregate.fn === 'sum'
          ? [aggregate.name, { type: 'number', description: `The sum of ${aggregate.field}.` }]
          : [
              aggregate.name,
              { type: 'number', nullable: true, description: `The ${aggregate.fn} of ${aggregate.field}; null over no values.` },
            ],
    ),
  );
  return { type: 'object', properties, required: Object.keys(properties) };
}

/** One record per key (all-time and sliding windows) or per instance (tumbling, hopping), with asOf. */
export function windowOutputSchema(config: WindowConfig): RecordSchema {
  const bucketed = config.windows.some((window) => window.type === 'tumbling' || window.type === 'hopping');
  const figures = aggregatesSchema(config);
  const properties: Record<string, FieldSchema> = {
    [config.keyField]: { type: 'string', description: 'The key the figures are for.' },
    ...Object.fromEntries(
      config.windows.map((window) => [window.name, { ...figures, description: `The ${window.name} window's figures.` }]),
    ),
    ...(bucketed ? { windowStart: TIME, windowEnd: TIME } : {}),
    asOf: { ...TIME, description: 'The time the figures are as of.' },
  };
  const required = [config.keyField, 'asOf', ...(bucketed ? [] : config.windows.map((window) => window.name))];
  return { type: 'object', properties, required };
}

const verbs = { sum: 'sums', avg: 'averages', min: 'takes the minimum of', max: 'takes the maximum of' } as const;

export function windowInputIssues(config: WindowConfig, input: RecordSchema): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const missing = (path: PropertyKey[], what: string, field: string, kind = '') =>
    problems.push({
      code: 'schema-mismatch',
      path,
      message: `the window ${what} \`${field}\`, but records reaching it have no ${kind}\`${field}\``,
    });
  if (!hasField(input, config.keyField)) missing(['keyField'], 'groups by', config.keyField);
  if (!isTimeLike(fieldOf(input, config.eventTimeField)))
    missing(['eventTimeField'], 'reads its event time from', config.eventTimeField, 'time in ');
  if (config.idField !== undefined && !hasField(input, config.idField)) missing(['idField'], 'tells versions apart by', config.idField);
  config.aggregates.forEach((aggregate, index) => {
    if (aggregate.fn !== 'count' && !isNumeric(fieldOf(input, aggregate.field)))
      missing(['aggregates', index, 'field'], verbs[aggregate.fn], aggregate.field, 'numeric ');
  });
  return problems;
}
