// The live figures one node or one edge shows, as hooks that wake their component only when those figures change
// as shown (rounded), however often frames arrive and whatever other nodes do.
import { shallowEqual, useStore } from '../store/create-store.ts';
import { edgeRate, type NodeFigures, nodeFigures } from './figures.ts';
import { metricsStore } from './metrics-store.ts';

export function useNodeFigures(nodeId: string): NodeFigures | undefined {
  return useStore(metricsStore, (state) => nodeFigures(state.latest, nodeId), shallowEqual);
}

/** The shown records/s over an edge; undefined while the pipeline reports nothing for it. */
export function useEdgeRate(from: { node: string; port: string }, to: string): number | undefined {
  return useStore(metricsStore, (state) => edgeRate(state.latest, from, to));
}
