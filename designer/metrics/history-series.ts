// A node's history as the chart draws it: columns of time (seconds, uPlot's unit), rates in and out and a source's
// lag, with a gap (null) where the runtime kept no point (it was down) so the line does not lie across it.
import type { PipelineHistory } from '../api/types.ts';

export type ChartColumns = [number[], (number | null)[], (number | null)[], (number | null)[]];

export function historyColumns(history: PipelineHistory, nodeId: string): ChartColumns {
  const columns: ChartColumns = [[], [], [], []];
  const gap = history.intervalSeconds * 3 * 1000;
  let previous: number | undefined;
  for (const point of history.points) {
    const node = point.nodes[nodeId];
    if (previous !== undefined && point.at - previous > gap) {
      columns[0].push((previous + history.intervalSeconds * 1000) / 1000);
      columns[1].push(null);
      columns[2].push(null);
      columns[3].push(null);
    }
    previous = point.at;
    columns[0].push(point.at / 1000);
    columns[1].push(node?.in ?? null);
    columns[2].push(node?.out ?? null);
    columns[3].push(node?.lag ?? null);
  }
  return columns;
}

export function markerLabel(event: PipelineHistory['events'][number]): string {
  return event.kind === 'deployed' ? `v${event.version} deployed` : event.kind;
}
