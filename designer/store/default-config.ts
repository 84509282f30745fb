// What a node starts with when dropped from the palette: every default the schema has, plus placeholders for the
// required fields so the form shows them (the validator then says which still need a real value). A sink's destination
// is left empty on purpose: writing somewhere by default could overwrite data someone cares about.
import { configSchemas, type NodeType } from '../../shared/index.ts';

const STARTERS: Record<NodeType, Record<string, unknown>> = {
  'source.kafka': { topic: 'reviews', format: 'json' },
  'spam-filter': {},
  window: {
    keyField: 'courseId',
    eventTimeField: 'createdAt',
    windows: [{ name: 'allTime', type: 'all-time' }],
    aggregates: [{ name: 'count', fn: 'count' }],
  },
  filter: { expression: 'rating >= 1' },
  map: {},
  branch: { routes: [{ port: 'matched', expression: 'rating >= 4' }] },
  'sink.kafka': { topic: '' },
  'sink.postgres': { table: '', primaryKey: ['id'] },
};

export function defaultConfig(type: NodeType): Record<string, unknown> {
  const starter = STARTERS[type];
  const parsed = configSchemas[type].safeParse(starter);
  return parsed.success ? (parsed.data as Record<string, unknown>) : { ...starter };
}
