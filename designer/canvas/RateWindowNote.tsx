// Names what the canvas's figures are: records per second over the runtime's window, of which version, and whether
// the pipeline is stopped (then the rates are zero and a source's lag is its backlog). Shown while figures arrive.
import { Panel } from '@xyflow/react';
import { metricsStore } from '../metrics/metrics-store.ts';
import { shallowEqual, useStore } from '../store/create-store.ts';

export function RateWindowNote() {
  const note = useStore(
    metricsStore,
    (state) =>
      state.latest && {
        window: state.latest.rateWindowSeconds,
        version: state.latest.version,
        running: state.latest.running,
        workers: state.latest.workers.filter((worker) => worker.alive).length,
      },
    shallowEqual,
  );
  if (!note) return null;
  const workers = `${note.workers} worker${note.workers === 1 ? '' : 's'}`;
  return (
    <Panel position="bottom-center" className="rate-window-note" data-testid="rate-window">
      {note.running
        ? `records/s over the last ${note.window} s, all ${workers} of v${note.version ?? '?'}`
        : `v${note.version ?? '?'} is stopped: lag is the backlog waiting for a start`}
    </Panel>
  );
}
