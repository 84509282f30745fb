// fast-check generators for pipelines: mostly valid ones (every node type, random configs, edges that follow the
// catalog's ports) and mutations of them, so property tests explore near the valid/invalid border.
import fc from 'fast-check';
import { catalog, type NodeType } from '../catalog/index.ts';

const name = fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,8}$/);
const duration = fc.oneof(fc.constantFrom('0s', '1h', '90d', '500ms', '2w', '15m'), fc.stringMatching(/^[0-9]{1,3}(ms|s|m|h|d|w)$/));
const expression = fc.constantFrom(
  'rating >= 3',
  'record.rating > 4.5',
  'title.contains("x")',
  'rating * 2 > 5',
  'true',
  'size(title) > 3',
);

const configArbitraries: { [T in NodeType]: fc.Arbitrary<Record<string, unknown>> } = {
  'source.kafka': fc.record(
    {
      topic: fc.constantFrom('reviews', 'in.topic'),
      format: fc.constant('json'),
      keyField: name,
      eventTimeField: name,
      startFrom: fc.constantFrom('earliest', 'latest'),
    },
    { requiredKeys: ['topic'] },
  ),
  'spam-filter': fc.record(
    {
      idField: name,
      textFields: fc.array(name, { minLength: 1, maxLength: 3 }),
      rules: fc.record(
        {
          links: fc.record({ enabled: fc.boolean(), maxLinks: fc.nat(5) }, { requiredKeys: [] }),
          velocity: fc.record({ maxReviews: fc.integer({ min: 1, max: 9 }), within: duration }, { requiredKeys: [] }),
          classifier: fc.record({ threshold: fc.double({ min: 0, max: 1, noNaN: true }) }, { requiredKeys: [] }),
        },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: [] },
  ),
  window: fc.record(
    {
      keyField: name,
      eventTimeField: name,
      idField: name,
      windows: fc.array(
        fc.oneof(
          fc.record({ name, type: fc.constant('all-time') }),
          fc.record({ name, type: fc.constantFrom('tumbling', 'sliding'), size: duration }),
          fc.record({ name, type: fc.constant('hopping'), size: duration, advance: duration }),
        ),
        { minLength: 1, maxLength: 3 },
      ),
      aggregates: fc.array(
        fc.oneof(
          fc.record({ name, fn: fc.constant('count') }),
          fc.record({ name, fn: fc.constantFrom('sum', 'avg', 'min', 'max'), field: name }),
        ),
        { minLength: 1, maxLength: 3 },
      ),
      allowedLateness: duration,
    },
    { requiredKeys: ['keyField', 'eventTimeField', 'windows', 'aggregates'] },
  ),
  filter: fc.record({ expression }),
  map: fc.record(
    {
      pick: fc.array(name, { maxLength: 3 }),
      rename: fc.dictionary(name, name, { maxKeys: 2 }),
      compute: fc.dictionary(name, expression, { maxKeys: 2 }),
    },
    { requiredKeys: [] },
  ),
  branch: fc.record({ routes: fc.array(fc.record({ port: name, expression }), { minLength: 1, maxLength: 3 }) }),
  'sink.kafka': fc.record(
    { topic: fc.constantFrom('out', 'course-stats'), keyField: name, compacted: fc.boolean(), partitions: fc.integer({ min: 1, max: 12 }) },
    { requiredKeys: ['topic'] },
  ),
  'sink.postgres': fc.record(
    {
      table: fc.constantFrom('reviews_valid', 'public.course_stats'),
      primaryKey: fc.array(fc.constantFrom('id', 'courseId'), { minLength: 1, maxLength: 2 }),
      mode: fc.constantFrom('upsert', 'append'),
      deleteOnTombstone: fc.boolean(),
      columns: fc.dictionary(fc.constantFrom('id', 'rating'), name, { maxKeys: 2 }),
    },
    { requiredKeys: ['table', 'primaryKey'] },
  ),
};

const nonSourceType = fc.constantFrom<NodeType>('spam-filter', 'window', 'filter', 'map', 'branch', 'sink.kafka', 'sink.postgres');

type PlainNode = { id: string; type: NodeType; config: Record<string, unknown> };

/** Output port names of a generated node (branch ports come from its routes). */
function outputsOf(node: PlainNode): string[] {
  if (node.type === 'branch') {
    const routes = Array.isArray(node.config.routes) ? (node.config.routes as { port: string }[]) : [];
    return [...routes.map((route) => route.port), 'otherwise'];
  }
  return catalog[node.type].outputs(node.config as never).map((port) => port.name);
}

/** A pipeline a person might draw: a source first, each later node fed from an earlier node's output. */
export const plausiblePipeline: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(
    configArbitraries['source.kafka'],
    fc.array(
      nonSourceType.chain((type) => configArbitraries[type].map((config) => ({ type, config }))),
      { maxLength: 7 },
    ),
    fc.array(fc.nat(), { minLength: 16, maxLength: 16 }),
    fc.boolean(),
  )
  .map(([sourceConfig, rest, choices, withLayout]) => {
    const nodes: PlainNode[] = [
      { id: 'n0', type: 'source.kafka', config: sourceConfig },
      ...rest.map((node, i) => ({ id: `n${i + 1}`, ...node })),
    ];
    const edges: unknown[] = [];
    nodes.slice(1).forEach((node, i) => {
      const candidates = nodes.slice(0, i + 1).filter((upstream) => outputsOf(upstream).length > 0);
      const upstream = candidates[(choices[i] ?? 0) % candidates.length];
      if (!upstream) return;
      const ports = outputsOf(upstream);
      const port = ports[(choices[i + 8] ?? 0) % ports.length] ?? 'out';
      edges.push({ from: { node: upstream.id, port }, to: { node: node.id, port: 'in' } });
    });
    const layout = { nodes: Object.fromEntries(nodes.map((node, i) => [node.id, { x: i * 260, y: 0 }])) };
    return { format: 1, id: 'generated', name: 'Generated', nodes, edges, ...(withLayout ? { layout } : {}) };
  });

/** Every JSON pointer into a document, the root included. */
export function pointersOf(document: unknown, prefix = ''): string[] {
  if (typeof document !== 'object' || document === null) return [prefix];
  const entries = Array.isArray(document) ? document.map((item, i) => [String(i), item] as const) : Object.entries(document);
  return [prefix, ...entries.flatMap(([key, value]) => pointersOf(value, `${prefix}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`))];
}

/** A plausible pipeline with one part replaced by arbitrary JSON, removed, or with an extra random edge. */
export const mutatedPipeline: fc.Arbitrary<unknown> = fc
  .tuple(plausiblePipeline, fc.nat(), fc.constantFrom('replace', 'remove', 'edge'), fc.jsonValue({ maxDepth: 2 }), name, name)
  .map(([pipeline, pick, how, junk, node, port]) => {
    const document = JSON.parse(JSON.stringify(pipeline)) as typeof pipeline;
    if (how === 'edge') {
      (document.edges as unknown[]).push({ from: { node: 'n0', port }, to: { node, port: 'in' } });
      return document;
    }
    const pointers = pointersOf(document).filter((pointer) => pointer !== '');
    const target = pointers[pick % pointers.length] ?? '/name';
    const segments = target.slice(1).split('/');
    const last = segments.pop() ?? '';
    let parent: unknown = document;
    for (const segment of segments) parent = (parent as Record<string, unknown>)[segment.replaceAll('~1', '/').replaceAll('~0', '~')];
    const key = last.replaceAll('~1', '/').replaceAll('~0', '~');
    if (how === 'remove' && Array.isArray(parent)) parent.splice(Number(key), 1);
    else if (how === 'remove') delete (parent as Record<string, unknown>)[key];
    else (parent as Record<string, unknown>)[key] = junk;
    return document;
  });
