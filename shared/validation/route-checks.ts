// No two nodes may serve one HTTP route: every runtime process serves every running pipeline's routes. Within a
// pipeline this is a graph rule; between pipelines the registry checks a deploy against the others (routesTaken).

import { type EndpointSpec, type HttpRoute, routesOf, routesOverlap } from '../catalog/http-routes.ts';
import { declarationOf } from '../catalog/index.ts';
import type { Pipeline, PipelineNode } from '../schema/pipeline.ts';
import type { GraphNode } from './graph-checks.ts';
import type { ValidationIssue } from './issue.ts';

export interface ServedRoute extends HttpRoute {
  nodeId: string;
}

/** Each node's endpoint, where it has one. */
export function endpointsOf(pipeline: Pick<Pipeline, 'id' | 'nodes'>): { node: PipelineNode; spec: EndpointSpec }[] {
  return pipeline.nodes.flatMap((node: PipelineNode) => {
    try {
      const spec = declarationOf(node.type).endpoint?.(node.config, { pipelineId: pipeline.id, nodeId: node.id });
      return spec ? [{ node, spec }] : [];
    } catch {
      return []; // a config still being typed
    }
  });
}

export function routesServedBy(pipeline: Pick<Pipeline, 'id' | 'nodes'>): ServedRoute[] {
  return endpointsOf(pipeline).flatMap(({ node, spec }) => routesOf(spec).map((route) => ({ ...route, nodeId: node.id })));
}

const shown = (route: HttpRoute) => `${route.method} ${route.path.replaceAll('*', '{key}')}`;

export function routeIssues(nodes: Map<string, GraphNode>): ValidationIssue[] {
  const routes = routesServedBy({ id: 'draft', nodes: [...nodes.values()].map(({ node }) => node) });
  return routes.flatMap((route, i) => {
    const earlier = routes.slice(0, i).find((other) => other.nodeId !== route.nodeId && routesOverlap(other, route));
    if (!earlier) return [];
    const index = nodes.get(route.nodeId)?.index ?? 0;
    return [
      {
        code: 'route-taken' as const,
        path: `/nodes/${index}/config/path`,
        nodeId: route.nodeId,
        message: `'${route.nodeId}' would serve ${shown(route)}, which '${earlier.nodeId}' already serves; give one of them another path`,
      },
    ];
  });
}

/** Routes of `pipeline` another running pipeline already serves: the deploy is refused, naming both. */
export function routesTaken(pipeline: Pipeline, others: readonly Pipeline[]): ValidationIssue[] {
  const mine = routesServedBy(pipeline);
  return others.flatMap((other) => {
    const theirs = routesServedBy(other);
    return mine.flatMap((route) => {
      const clash = theirs.find((candidate) => routesOverlap(candidate, route));
      if (!clash) return [];
      const index = pipeline.nodes.findIndex((node) => node.id === route.nodeId);
      return [
        {
          code: 'route-taken' as const,
          path: `/nodes/${index}/config/path`,
          nodeId: route.nodeId,
          message: `${shown(route)} is already served by pipeline '${other.id}' (node '${clash.nodeId}'); pipeline '${pipeline.id}' (node '${route.nodeId}') cannot serve it too: give one of them another path`,
        },
      ];
    });
  });
}
