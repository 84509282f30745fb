// What the spam filter needs of the records reaching it, and the reasons it adds on its spam port.
import type { FieldSchema, RecordSchema } from '../../records/record-schema.ts';
import { fieldOf } from '../../records/schema-fields.ts';
import type { ConfigProblem } from '../../validation/config-problems.ts';
import type { SpamFilterConfig } from './declaration.ts';

export const SPAM_REASONS: FieldSchema = {
  type: 'array',
  description: 'Why the review is spam: the rule, a sentence saying why, and the same as data.',
  items: {
    type: 'object',
    properties: { rule: { type: 'string' }, detail: { type: 'string' } },
    required: ['rule', 'detail'],
    additionalProperties: true,
  },
};

export function spamInputIssues(config: SpamFilterConfig, input: RecordSchema): ConfigProblem[] {
  const problem = (path: PropertyKey[], what: string, field: string, kind = ''): ConfigProblem => ({
    code: 'schema-mismatch',
    path,
    message: `the spam filter ${what} \`${field}\`, but records reaching it have no ${kind}\`${field}\``,
  });
  const problems: ConfigProblem[] = [];
  if (fieldOf(input, config.idField) === undefined) problems.push(problem(['idField'], 'tells reviews apart by', config.idField));
  if (fieldOf(input, config.userField) === undefined) problems.push(problem(['userField'], 'knows authors by', config.userField));
  config.textFields.forEach((field, index) => {
    const schema = fieldOf(input, field);
    if (schema === undefined || (schema.type !== 'string' && schema.type !== undefined))
      problems.push(problem(['textFields', index], 'reads the text of', field, 'text in '));
  });
  return problems;
}
