// The records crossing one port, live, each readable; pause, clear, copy as JSON. Node-RED's debug sidebar, on any
// port, without adding a node.
import { useState } from 'react';
import { runtimePipelinesStore, summaryOf } from '../../api/runtime-pipelines.ts';
import { showToast } from '../../app/toasts.ts';
import { useStore } from '../../store/create-store.ts';
import { recordIdentity } from './readable-record.ts';
import { TappedRecordView } from './TappedRecordView.tsx';
import { type Tap, useTap } from './use-tap.ts';

type Props = { pipelineId: string; nodeId: string; port: string };

export function TapPanel(props: Props) {
  const deployed = useStore(runtimePipelinesStore, (s) => s.state !== 'ok' || summaryOf(s, props.pipelineId) !== undefined);
  if (!deployed) return <p className="muted">{props.pipelineId} is not deployed: deploy it to see the records that cross here.</p>;
  return <LiveTap {...props} />;
}

function LiveTap({ pipelineId, nodeId, port }: Props) {
  const [paused, setPaused] = useState(false);
  const [cleared, setCleared] = useState<ReadonlySet<string>>(new Set());
  const tap = useTap(pipelineId, nodeId, port, paused, cleared);
  const records = tap.state === 'ok' ? tap.records : [];
  return (
    <section className="tap" data-testid={`tap-${nodeId}-${port}`} aria-label={`Records leaving ${nodeId}.${port}`}>
      <div className="tap-controls">
        <span className={`tap-live${paused ? ' tap-paused' : ''}`}>{paused ? 'paused' : 'live'}</span>
        <button type="button" onClick={() => setPaused(!paused)} aria-pressed={paused}>
          {paused ? 'Resume' : 'Pause'}
        </button>
        <button
          type="button"
          onClick={() => setCleared(new Set([...cleared, ...records.map(recordIdentity)]))}
          disabled={records.length === 0}
        >
          Clear
        </button>
        <button type="button" onClick={() => void copyAsJson(records)} disabled={records.length === 0}>
          Copy as JSON
        </button>
      </div>
      <TapBody tap={tap} />
    </section>
  );
}

function TapBody({ tap }: { tap: Tap }) {
  if (tap.state === 'loading') return <p className="muted">Asking the runtime for the last records…</p>;
  if (tap.state === 'error') return <p className="muted">No records: {tap.message}</p>;
  if (tap.records.length === 0) {
    return <p className="muted">{tap.hidden > 0 ? 'Cleared; waiting for the next record.' : 'No record has crossed yet.'}</p>;
  }
  return (
    <ol className="tap-records">
      {tap.records.map((record) => (
        <TappedRecordView key={recordIdentity(record)} record={record} />
      ))}
    </ol>
  );
}

async function copyAsJson(records: unknown[]): Promise<void> {
  const text = JSON.stringify(records, null, 2);
  try {
    await navigator.clipboard.writeText(text);
    showToast(`Copied ${records.length} record${records.length === 1 ? '' : 's'} as JSON.`);
  } catch (error) {
    showToast(`Could not copy: ${String(error)}`, 'error');
  }
}
