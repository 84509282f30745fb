// The live figures one node or one edge shows, as hooks that wake their component only when those figures change
// as shown (rounded), however often snapshots arrive and whatever other nodes do.
import { shallowEqual, useStore } from '../store/create-store.ts';
import { displayedRate, type NodeFigures, nodeFigures } from './figures.ts';
import { metricsStore } from './metrics-store.ts';

export function useNodeFigures(nodeId: string): NodeFigures | undefined {
  return useStore(metricsStore, (state) => nodeFigures(state.latest?.nodes[nodeId]), shallowEqual);
}

/** The shown records/s leaving a node's output port; undefined while the pipeline reports nothing for it. */
export function usePortRate(nodeId: string, port: string): number | undefined {
  return useStore(metricsStore, (state) => {
    const rates = state.latest?.nodes[nodeId]?.out[port];
    return rates === undefined ? undefined : displayedRate(rates.rate1s);
  });
}
