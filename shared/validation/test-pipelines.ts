// A small valid pipeline that uses every node type, for tests to start from and break one thing at a time.
import { type Pipeline, type PipelineInput, pipelineSchema } from '../schema/pipeline.ts';

export function validPipelineInput(): PipelineInput {
  return {
    format: 1,
    id: 'every-node',
    name: 'Every node type',
    nodes: [
      { id: 'reviews', type: 'source.kafka', config: { topic: 'reviews', keyField: 'id', eventTimeField: 'createdAt' } },
      { id: 'spamFilter', type: 'spam-filter', config: {} },
      { id: 'goodOnly', type: 'filter', config: { expression: 'rating >= 3' } },
      { id: 'route', type: 'branch', config: { routes: [{ port: 'high', expression: 'record.rating >= 4.5' }] } },
      { id: 'shape', type: 'map', config: { pick: ['id', 'courseId', 'rating', 'createdAt'], compute: { doubled: 'rating * 2' } } },
      {
        id: 'stats',
        type: 'window',
        config: {
          keyField: 'courseId',
          eventTimeField: 'createdAt',
          windows: [{ name: 'hourly', type: 'tumbling', size: '1h' }],
          aggregates: [{ name: 'count', fn: 'count' }],
        },
      },
      { id: 'statsTopic', type: 'sink.kafka', config: { topic: 'stats' } },
      { id: 'otherTable', type: 'sink.postgres', config: { table: 'other_reviews', primaryKey: ['id'] } },
    ],
    edges: [
      { from: { node: 'reviews', port: 'out' }, to: { node: 'spamFilter', port: 'in' } },
      { from: { node: 'spamFilter', port: 'valid' }, to: { node: 'goodOnly', port: 'in' } },
      { from: { node: 'goodOnly', port: 'out' }, to: { node: 'route', port: 'in' } },
      { from: { node: 'route', port: 'high' }, to: { node: 'shape', port: 'in' } },
      { from: { node: 'shape', port: 'out' }, to: { node: 'stats', port: 'in' } },
      { from: { node: 'stats', port: 'out' }, to: { node: 'statsTopic', port: 'in' } },
      { from: { node: 'route', port: 'otherwise' }, to: { node: 'otherTable', port: 'in' } },
    ],
  };
}

export function validPipeline(): Pipeline {
  return pipelineSchema.parse(validPipelineInput());
}
