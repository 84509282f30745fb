// A node's rates over the last hours (24 by default), from the runtime's history, drawn with uPlot (bundled, no
// CDN): in and out per second, a source's lag on its own axis, and a marker where a version was deployed, or the
// pipeline stopped or started. The markers are elements over the plot, so they can be hovered, read and tested.
import 'uplot/dist/uPlot.min.css';
import { useEffect, useRef, useState } from 'react';
import type uPlot from 'uplot';
import type { PipelineHistory } from '../api/types.ts';
import { historyColumns, markerLabel } from './history-series.ts';
import { useHistory } from './use-history.ts';

const RANGES = [0.25, 1, 6, 24] as const;
type RangeHours = (typeof RANGES)[number];
const rangeName = (hours: RangeHours) => (hours < 1 ? `${hours * 60}m` : `${hours}h`);

/** jsdom (the unit tests) has no canvas: there the chart says what it would show instead. */
const canDraw = () => typeof navigator !== 'undefined' && !navigator.userAgent.includes('jsdom');

function placeMarkers(chart: uPlot, events: PipelineHistory['events']): void {
  for (const old of chart.over.querySelectorAll('.chart-marker')) old.remove();
  const [from, to] = [chart.scales.x?.min ?? 0, chart.scales.x?.max ?? 0];
  for (const event of events) {
    const at = Date.parse(event.at) / 1000;
    if (at < from || at > to) continue;
    const marker = document.createElement('div');
    marker.className = `chart-marker chart-marker-${event.kind}`;
    marker.dataset.kind = event.kind;
    marker.dataset.version = String(event.version);
    marker.title = `${markerLabel(event)} at ${new Date(event.at).toLocaleString()}`;
    const left = chart.valToPos(at, 'x');
    marker.style.left = `${left}px`;
    // Near the right edge the label goes to the left of its line, so it is not cut off.
    if (left > chart.over.clientWidth - 80) marker.classList.add('chart-marker-flipped');
    const label = document.createElement('span');
    label.textContent = markerLabel(event);
    marker.append(label);
    chart.over.append(marker);
  }
}

function options(width: number, hours: RangeHours, withLag: boolean, events: PipelineHistory['events']): uPlot.Options {
  const now = Date.now() / 1000;
  return {
    width,
    height: 150,
    scales: { x: { time: true, range: () => [now - hours * 3600, now] }, lag: { auto: true } },
    series: [
      {},
      { label: 'in/s', stroke: '#2563eb', width: 1.5, spanGaps: false },
      { label: 'out/s', stroke: '#15803d', width: 1.5, spanGaps: false },
      ...(withLag ? [{ label: 'lag', stroke: '#b45309', width: 1, dash: [4, 3], scale: 'lag' }] : []),
    ],
    axes: [{}, { size: 44 }, ...(withLag ? [{ side: 1, scale: 'lag', grid: { show: false }, size: 44 }] : [])],
    legend: { live: false },
    hooks: { draw: [(chart) => placeMarkers(chart, events)] },
  };
}

export function HistoryChart({ pipelineId, nodeId, isSource }: { pipelineId: string; nodeId: string; isSource: boolean }) {
  const answer = useHistory(pipelineId);
  const [hours, setHours] = useState<RangeHours>(24);
  const holder = useRef<HTMLDivElement>(null);
  const history = answer.state === 'ok' ? answer.history : undefined;
  useEffect(() => {
    const element = holder.current;
    if (!element || !history || !canDraw()) return;
    let chart: uPlot | undefined;
    let live = true;
    // Loaded with the first chart (uPlot reads the window as it loads), so the designer's first load does not carry it.
    void import('uplot').then(({ default: UPlot }) => {
      if (!live) return;
      chart = new UPlot(
        options(Math.max(200, element.clientWidth), hours, isSource, history.events),
        historyColumns(history, nodeId),
        element,
      );
    });
    return () => {
      live = false;
      chart?.destroy();
    };
  }, [history, nodeId, hours, isSource]);
  const points = history?.points.filter((point) => point.nodes[nodeId] !== undefined).length ?? 0;
  return (
    <section className="inspector-history" data-testid="history-chart" data-points={points} data-events={history?.events.length ?? 0}>
      <div className="history-header">
        <h4>Rates, last {hours < 1 ? `${hours * 60} minutes` : `${hours} hours`}</h4>
        <div className="port-tabs" role="tablist" aria-label="Chart range">
          {RANGES.map((range) => (
            <button
              key={range}
              type="button"
              role="tab"
              aria-selected={range === hours}
              className={range === hours ? 'active' : ''}
              onClick={() => setHours(range)}
            >
              {rangeName(range)}
            </button>
          ))}
        </div>
      </div>
      {answer.state === 'error' && <p className="muted">No history: {answer.message}</p>}
      <div className="history-chart" ref={holder} />
      <p className="chart-note">
        A point every {history?.intervalSeconds ?? 10} s, kept by the runtime{history ? `: ${points} so far` : ''}; lines mark deploys,
        stops and starts.
      </p>
    </section>
  );
}
