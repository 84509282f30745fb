// The records along the edges: each source's schema carried node by node (each declaration says how it changes
// it), so every node's config can be checked against the records that reach it, and the designer can show an
// edge's fields and offer them in pickers. Unknown (undefined) stays unknown: nothing is checked against it.
import { declarationOf } from '../catalog/index.ts';
import type { RecordSchema } from '../records/record-schema.ts';
import { commonSchema } from '../records/schema-fields.ts';
import type { Edge, PipelineNode } from '../schema/pipeline.ts';
import type { ConfigProblem } from './config-problems.ts';

export type FlowGraph = { nodes: readonly PipelineNode[]; edges: readonly Edge[] };

export interface RecordFlow {
  /** The records leaving a node's output port. */
  output(nodeId: string, port: string): RecordSchema | undefined;
  /** The records reaching a node's input (what all its incoming edges have in common). */
  input(nodeId: string): RecordSchema | undefined;
}

const portKey = (node: string, port: string) => `${node}\u0000${port}`;

/** Half-written configs (a drawing in progress) must not stop the flow: a node that throws passes nothing known on. */
function safely<T>(work: () => T): T | undefined {
  try {
    return work();
  } catch {
    return undefined;
  }
}

function outputPorts(node: PipelineNode): string[] {
  return (
    safely(() =>
      declarationOf(node.type)
        .outputs(node.config)
        .map((port) => port.name),
    ) ?? []
  );
}

export function recordFlow(graph: FlowGraph): RecordFlow {
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const outputs = new Map<string, RecordSchema | undefined>();
  const inputs = new Map<string, RecordSchema | undefined>();
  const visiting = new Set<string>();

  const inputOf = (id: string): RecordSchema | undefined => {
    if (inputs.has(id)) return inputs.get(id);
    if (visiting.has(id)) return undefined; // a cycle, reported elsewhere
    visiting.add(id);
    const incoming = graph.edges.filter((edge) => edge.to.node === id);
    const schemas = incoming.map((edge) => outputOf(edge.from.node, edge.from.port));
    const known = schemas.every((schema) => schema !== undefined) ? commonSchema(schemas as RecordSchema[]) : undefined;
    visiting.delete(id);
    inputs.set(id, known);
    return known;
  };

  const outputOf = (id: string, port: string): RecordSchema | undefined => {
    const key = portKey(id, port);
    if (outputs.has(key)) return outputs.get(key);
    const node = byId.get(id);
    if (!node || !outputPorts(node).includes(port)) return undefined;
    const declaration = declarationOf(node.type);
    const input = declaration.category === 'source' ? undefined : inputOf(id);
    const schema = declaration.outputSchema
      ? safely(() => declaration.outputSchema?.(node.config, input, port))
      : declaration.category === 'source'
        ? undefined
        : input;
    outputs.set(key, schema);
    return schema;
  };

  return { output: outputOf, input: inputOf };
}

/** Each node's problems with the records reaching it, at paths inside its config. */
export function recordProblems(
  graph: FlowGraph,
  flow: RecordFlow = recordFlow(graph),
): { node: PipelineNode; problems: ConfigProblem[] }[] {
  return graph.nodes.flatMap((node) => {
    const check = declarationOf(node.type).inputIssues;
    const input = check ? flow.input(node.id) : undefined;
    if (!check || !input) return [];
    const problems = safely(() => check(node.config, input)) ?? [];
    return problems.length > 0 ? [{ node, problems }] : [];
  });
}
