// Step one of compiling: instantiate every node's implementation and flatten the
// pipeline into a graph of stages (a multi-stage node becomes a chain or DAG of
// stages), in topological order. Pure; problems come back as issues.
import type { Pipeline, PipelineNode } from '../schema/pipeline.ts';
import {
  NodeConfigError,
  type NodeEnvironment,
  type NodeFactories,
  type NodeFactory,
  type NodeImplementation,
  type StageSpec,
} from './node-implementation.ts';
import { stageIdOf } from './topic-names.ts';

export interface CompileIssue {
  code: string;
  path: string;
  nodeId?: string;
  message: string;
}

/** Something that emits records: a source node (port `out`) or a stage. */
export type Producer = { kind: 'source'; node: string } | { kind: 'stage'; stage: string };

export interface GraphStage {
  id: string;
  node: PipelineNode;
  spec: StageSpec;
  implementation: Extract<NodeImplementation, { kind: 'operators' }>;
  inputs: { from: Producer; port: string }[];
}

export interface StageGraph {
  sources: { node: PipelineNode; implementation: Extract<NodeImplementation, { kind: 'source' }> }[];
  /** Topological order: every stage comes after all the stages feeding it. */
  stages: GraphStage[];
}

function instantiate(factories: NodeFactories, node: PipelineNode, env: NodeEnvironment): NodeImplementation {
  // The map is keyed by type, so the factory and the config belong together; TypeScript cannot see that.
  const factory = factories[node.type] as NodeFactory;
  return factory.create({ id: node.id, config: node.config }, env);
}

export function buildStageGraph(
  pipeline: Pipeline,
  factories: NodeFactories,
  env: NodeEnvironment,
): { graph: StageGraph; issues: CompileIssue[] } {
  const issues: CompileIssue[] = [];
  const sources: StageGraph['sources'] = [];
  const stagesByNode = new Map<string, GraphStage[]>();
  pipeline.nodes.forEach((node, index) => {
    try {
      const instance = instantiate(factories, node, env);
      if (instance.kind === 'source') sources.push({ node, implementation: instance });
      if (instance.kind === 'source' && !instance.stages?.length) return;
      const implementation: Extract<NodeImplementation, { kind: 'operators' }> =
        instance.kind === 'source' ? { kind: 'operators', stages: instance.stages ?? [] } : instance;
      const names = new Set(implementation.stages.map((stage) => stage.name));
      if (names.size !== implementation.stages.length || implementation.stages.length === 0) {
        issues.push({
          code: 'engine/stage-names',
          path: `/nodes/${index}`,
          nodeId: node.id,
          message: 'a node needs at least one stage, with unique names',
        });
        return;
      }
      const stages = implementation.stages.map((spec) => ({
        id: stageIdOf(node.id, spec.name, implementation.stages.length),
        node,
        spec,
        implementation,
        inputs: [],
      }));
      stagesByNode.set(node.id, stages);
    } catch (error) {
      if (!(error instanceof NodeConfigError)) throw error;
      issues.push({ code: 'engine/node-config', path: `/nodes/${index}/config${error.path}`, nodeId: node.id, message: error.message });
    }
  });

  const firstStage = (nodeId: string) => stagesByNode.get(nodeId)?.[0];
  const stageByName = (nodeId: string, name: string) => stagesByNode.get(nodeId)?.find((stage) => stage.spec.name === name);
  // A source with stages of its own feeds the first of them; its edges leave from its stages.
  const sourceIds = new Set(sources.filter((source) => !stagesByNode.has(source.node.id)).map((source) => source.node.id));
  for (const source of sources) {
    const first = firstStage(source.node.id);
    if (first) first.inputs.push({ from: { kind: 'source', node: source.node.id }, port: 'out' });
  }

  // Edges between nodes: a node's input goes to its first stage.
  for (const edge of pipeline.edges) {
    const target = firstStage(edge.to.node);
    if (!target) continue;
    if (sourceIds.has(edge.from.node)) {
      target.inputs.push({ from: { kind: 'source', node: edge.from.node }, port: edge.from.port });
      continue;
    }
    const stages = stagesByNode.get(edge.from.node) ?? [];
    stages.forEach((stage, index) => {
      if (emitsNodePort(stage.spec, edge.from.port, index === stages.length - 1)) {
        target.inputs.push({ from: { kind: 'stage', stage: stage.id }, port: edge.from.port });
      }
    });
  }
  // Wiring inside a node, from a stage's port to a later stage.
  for (const [nodeId, stages] of stagesByNode) {
    for (const stage of stages) {
      for (const [port, next] of Object.entries(stage.spec.next ?? {})) {
        const target = stageByName(nodeId, next);
        if (target) target.inputs.push({ from: { kind: 'stage', stage: stage.id }, port });
        else
          issues.push({
            code: 'engine/stage-wiring',
            path: '',
            nodeId,
            message: `stage ${stage.spec.name} routes port ${port} to unknown stage ${next}`,
          });
      }
    }
  }
  const ordered = topologicalOrder([...stagesByNode.values()].flat());
  if (ordered === undefined) issues.push({ code: 'engine/cycle', path: '/edges', message: 'the pipeline has a cycle' });
  return { graph: { sources, stages: ordered ?? [] }, issues };
}

function emitsNodePort(spec: StageSpec, port: string, last: boolean): boolean {
  if (spec.next?.[port] !== undefined) return false;
  return spec.emits ? spec.emits.includes(port) : last;
}

function topologicalOrder(stages: GraphStage[]): GraphStage[] | undefined {
  const pending = new Map(stages.map((stage) => [stage.id, stage.inputs.filter((input) => input.from.kind === 'stage').length]));
  const downstream = new Map<string, GraphStage[]>();
  for (const stage of stages) {
    for (const input of stage.inputs) {
      if (input.from.kind !== 'stage') continue;
      const list = downstream.get(input.from.stage) ?? [];
      list.push(stage);
      downstream.set(input.from.stage, list);
    }
  }
  const ready = stages.filter((stage) => pending.get(stage.id) === 0);
  const ordered: GraphStage[] = [];
  for (let stage = ready.shift(); stage; stage = ready.shift()) {
    ordered.push(stage);
    for (const next of downstream.get(stage.id) ?? []) {
      const left = (pending.get(next.id) ?? 0) - 1;
      pending.set(next.id, left);
      if (left === 0) ready.push(next);
    }
  }
  return ordered.length === stages.length ? ordered : undefined;
}
