// JSON for the nodes engine tests use most, with every required field filled.
import type { TestNode } from './test-factories.ts';

export const source = (id: string, topic: string, keyField?: string): TestNode => ({
  id,
  type: 'source.kafka',
  config: keyField ? { topic, format: 'json', keyField } : { topic, format: 'json' },
});

export const windowNode = (id: string, keyField: string): TestNode => ({
  id,
  type: 'window',
  config: {
    keyField,
    eventTimeField: 'at',
    windows: [{ name: 'total', type: 'all-time' }],
    aggregates: [{ name: 'reviews', fn: 'count' }],
  },
});

export const spamNode = (id: string): TestNode => ({
  id,
  type: 'spam-filter',
  config: { idField: 'id', userField: 'userId', textFields: ['text'] },
});

export const passNode = (id: string, type: 'filter' | 'map' = 'map'): TestNode => ({
  id,
  type,
  config: type === 'filter' ? { expression: 'true' } : {},
});

export const kafkaSink = (id: string, topic: string): TestNode => ({ id, type: 'sink.kafka', config: { topic } });
