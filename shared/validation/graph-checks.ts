// Checks on the graph a (schema-valid) pipeline draws: edges that lead nowhere, cycles, nodes nothing feeds,
// and what the catalog says a node needs of its input.
import { declarationOf } from '../catalog/index.ts';
import type { Edge, Pipeline, PipelineNode } from '../schema/pipeline.ts';
import type { ValidationIssue } from './issue.ts';
import { toPointer } from './json-pointer.ts';
import { keyingIssues } from './keying.ts';
import { recordProblems } from './record-flow.ts';
import { routeIssues } from './route-checks.ts';

export type GraphNode = { node: PipelineNode; index: number };
/** An edge between two existing nodes and ports, with its place in the edge list. */
export type GraphEdge = { edge: Edge; index: number };

/** The graph rules; they read only nodes and edges, so a drawing in progress can be checked too (connection.ts). */
export function graphIssues(pipeline: Pick<Pipeline, 'nodes' | 'edges'>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const nodes = indexNodes(pipeline, issues);
  const edges = checkEdges(pipeline, nodes, issues);
  if (![...nodes.values()].some(({ node }) => declarationOf(node.type).category === 'source')) {
    issues.push({
      code: 'no-source',
      path: '/nodes',
      message: 'the pipeline has no source; add a source.kafka node for records to come from',
    });
  }
  issues.push(
    ...unconnectedInputs(nodes, edges),
    ...cycles(nodes, edges),
    ...unreachable(nodes, edges),
    ...keyingIssues(nodes, edges),
    ...recordIssues(nodes, edges),
    ...routeIssues(nodes),
  );
  return issues;
}

function describe(node: PipelineNode): string {
  return `'${node.id}' (${node.type})`;
}

function indexNodes(pipeline: Pick<Pipeline, 'nodes'>, issues: ValidationIssue[]): Map<string, GraphNode> {
  const nodes = new Map<string, GraphNode>();
  pipeline.nodes.forEach((node, index) => {
    if (nodes.has(node.id)) {
      issues.push({
        code: 'duplicate-node-id',
        path: `/nodes/${index}/id`,
        nodeId: node.id,
        message: `node id '${node.id}' is already used by node ${nodes.get(node.id)?.index}; give each node its own id`,
      });
    } else {
      nodes.set(node.id, { node, index });
    }
  });
  return nodes;
}

function checkEdges(pipeline: Pick<Pipeline, 'edges'>, nodes: Map<string, GraphNode>, issues: ValidationIssue[]): GraphEdge[] {
  const valid: GraphEdge[] = [];
  const seen = new Set<string>();
  pipeline.edges.forEach((edge, index) => {
    const problems = [...endpointIssues(edge, index, 'from', nodes), ...endpointIssues(edge, index, 'to', nodes)];
    issues.push(...problems);
    if (problems.length > 0) return;
    const key = JSON.stringify(edge);
    if (seen.has(key)) {
      issues.push({
        code: 'duplicate-edge',
        path: `/edges/${index}`,
        message: `the edge ${edge.from.node}.${edge.from.port} → ${edge.to.node}.${edge.to.port} is listed twice; remove one`,
      });
      return;
    }
    seen.add(key);
    valid.push({ edge, index });
  });
  return valid;
}

function endpointIssues(edge: Edge, index: number, side: 'from' | 'to', nodes: Map<string, GraphNode>): ValidationIssue[] {
  const endpoint = edge[side];
  const target = nodes.get(endpoint.node);
  const path = `/edges/${index}/${side}`;
  if (!target) {
    return [
      {
        code: 'edge-unknown-node',
        path: `${path}/node`,
        message: `there is no node '${endpoint.node}'; connect the edge to an existing node id`,
      },
    ];
  }
  const { node } = target;
  const declaration = declarationOf(node.type);
  const ports = side === 'from' ? outputsOf(node) : declaration.inputs;
  if (ports.length === 0) {
    return side === 'from'
      ? [
          {
            code: 'sink-has-output',
            path,
            nodeId: node.id,
            message: `${describe(node)} is a sink and has no outputs; edges can only end at it`,
          },
        ]
      : [
          {
            code: 'source-has-input',
            path,
            nodeId: node.id,
            message: `${describe(node)} is a source and takes no input; edges can only start at it`,
          },
        ];
  }
  if (!ports.some((port) => port.name === endpoint.port)) {
    const kind = side === 'from' ? 'output' : 'input';
    return [
      {
        code: 'edge-unknown-port',
        path: `${path}/port`,
        nodeId: node.id,
        message: `${describe(node)} has no ${kind} port '${endpoint.port}'; its ${kind}s are ${ports.map((port) => `'${port.name}'`).join(', ')}`,
      },
    ];
  }
  return [];
}

/** A node's output ports; a config still being typed (a branch without routes yet) has none rather than throwing. */
function outputsOf(node: PipelineNode) {
  try {
    return declarationOf(node.type).outputs(node.config);
  } catch {
    return [];
  }
}

function unconnectedInputs(nodes: Map<string, GraphNode>, edges: GraphEdge[]): ValidationIssue[] {
  return [...nodes.values()].flatMap(({ node, index }) =>
    declarationOf(node.type)
      .inputs.filter((port) => !edges.some(({ edge }) => edge.to.node === node.id && edge.to.port === port.name))
      .map((port) => ({
        code: 'input-unconnected' as const,
        path: `/nodes/${index}`,
        nodeId: node.id,
        message: `nothing is connected to the '${port.name}' input of ${describe(node)}; connect another node's output to it or remove the node`,
      })),
  );
}

function cycles(nodes: Map<string, GraphNode>, edges: GraphEdge[]): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const trail: string[] = [];
  const visit = (id: string) => {
    state.set(id, 'visiting');
    trail.push(id);
    for (const { edge, index } of edges.filter(({ edge }) => edge.from.node === id)) {
      const next = edge.to.node;
      if (state.get(next) === 'visiting') {
        const loop = [...trail.slice(trail.indexOf(next)), next].join(' → ');
        issues.push({
          code: 'cycle',
          path: `/edges/${index}`,
          message: `this edge closes a cycle (${loop}); records must not flow in a loop`,
        });
      } else if (!state.has(next)) {
        visit(next);
      }
    }
    trail.pop();
    state.set(id, 'done');
  };
  for (const id of nodes.keys()) if (!state.has(id)) visit(id);
  return issues;
}

function unreachable(nodes: Map<string, GraphNode>, edges: GraphEdge[]): ValidationIssue[] {
  const reached = new Set(
    [...nodes.values()].filter(({ node }) => declarationOf(node.type).category === 'source').map(({ node }) => node.id),
  );
  const queue = [...reached];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const { edge } of edges) {
      if (edge.from.node === id && !reached.has(edge.to.node)) {
        reached.add(edge.to.node);
        queue.push(edge.to.node);
      }
    }
  }
  const fed = new Set(edges.map(({ edge }) => edge.to.node));
  // A node with nothing connected already has an input-unconnected issue; one message is enough.
  return [...nodes.values()]
    .filter(({ node }) => !reached.has(node.id) && fed.has(node.id))
    .map(({ node, index }) => ({
      code: 'unreachable-node' as const,
      path: `/nodes/${index}`,
      nodeId: node.id,
      message: `no source leads to ${describe(node)}, so it would never receive a record; connect it downstream of a source`,
    }));
}

/** Configs that ask of their input's records what those records do not have. */
function recordIssues(nodes: Map<string, GraphNode>, edges: GraphEdge[]): ValidationIssue[] {
  const graph = { nodes: [...nodes.values()].map(({ node }) => node), edges: edges.map(({ edge }) => edge) };
  return recordProblems(graph).flatMap(({ node, problems }) =>
    problems.map((problem) => ({
      code: problem.code,
      path: toPointer(['nodes', nodes.get(node.id)?.index ?? 0, 'config', ...problem.path]),
      nodeId: node.id,
      message: problem.message,
    })),
  );
}
