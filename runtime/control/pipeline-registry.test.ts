import { describe, expect, it } from 'vitest';
import { validatePipeline } from '../../shared/index.ts';
import { literalConnectionIssues } from './pipeline-registry.ts';

function pipelineWithConnection(connection: string) {
  const result = validatePipeline({
    format: 1,
    id: 'p',
    name: 'p',
    nodes: [
      { id: 'in', type: 'source.kafka', config: { topic: 't', format: 'json' } },
      { id: 'table', type: 'sink.postgres', config: { table: 'x', primaryKey: ['id'], connection } },
    ],
    edges: [{ from: { node: 'in', port: 'out' }, to: { node: 'table', port: 'in' } }],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.pipeline;
}

describe('deployed pipelines hold no secrets', () => {
  it('accepts a connection written as ${env:NAME}', () => {
    expect(literalConnectionIssues(pipelineWithConnection('${env:DATABASE_URL}'))).toEqual([]);
  });

  it('refuses a literal connection string, with its path', () => {
    const issues = literalConnectionIssues(pipelineWithConnection('postgres://app:hunter2@db/reviews'));
    expect(issues.map((issue) => [issue.path, issue.nodeId])).toEqual([['/nodes/1/config/connection', 'table']]);
  });
});
