// fast-check generators for pipelines: mostly valid ones (every node type, random configs, edges that follow the
// catalog's ports) and mutations of them, so property tests explore near the valid/invalid border.
import fc from 'fast-check';
import { catalog, NODE_TYPES, type NodeType } from '../catalog/index.ts';
import type { ConfigArbitrary } from './fragments.ts';
import { name } from './fragments.ts';

// Each node folder brings the generator of its configs (shared/nodes/<type>/arbitrary.ts, `source.kafka` in
// `source-kafka/`); they are found here, so a new node type is generated without an entry in this file.
const found = import.meta.glob<{ configArbitrary: ConfigArbitrary }>('../nodes/*/arbitrary.ts', { eager: true });

/** The folder of a node type: its name with dots as dashes. */
export const folderOf = (type: NodeType): string => type.replaceAll('.', '-');

function arbitraryOf(type: NodeType): ConfigArbitrary {
  const module = found[`../nodes/${folderOf(type)}/arbitrary.ts`];
  if (!module) throw new Error(`shared/nodes/${folderOf(type)}/arbitrary.ts is missing: every node type generates its configs`);
  return module.configArbitrary;
}

export const configArbitraries = Object.fromEntries(NODE_TYPES.map((type) => [type, arbitraryOf(type)])) as Record<
  NodeType,
  ConfigArbitrary
>;

const sourceTypes = NODE_TYPES.filter((type) => catalog[type].category === 'source');
const nonSourceTypes = NODE_TYPES.filter((type) => catalog[type].category !== 'source');
const sourceType = fc.constantFrom<NodeType>(...sourceTypes);
const nonSourceType = fc.constantFrom<NodeType>(...nonSourceTypes);

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
    sourceType.chain((type) => configArbitraries[type].map((config) => ({ type, config }))),
    fc.array(
      nonSourceType.chain((type) => configArbitraries[type].map((config) => ({ type, config }))),
      { maxLength: 7 },
    ),
    fc.array(fc.nat(), { minLength: 16, maxLength: 16 }),
    fc.boolean(),
  )
  .map(([source, rest, choices, withLayout]) => {
    const nodes: PlainNode[] = [{ id: 'n0', ...source }, ...rest.map((node, i) => ({ id: `n${i + 1}`, ...node }))];
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
