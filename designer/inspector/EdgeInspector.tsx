// The right panel for a selected edge: the last records that passed it (the runtime's tap on the source port).
import { useEffect, useState } from 'react';
import type { Edge } from '../../shared/index.ts';
import { api } from '../api/client.ts';
import type { TappedRecord } from '../api/types.ts';

type Tap = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ok'; records: TappedRecord[] };

export function EdgeInspector({ pipelineId, edge }: { pipelineId: string; edge: Edge }) {
  const [tap, setTap] = useState<Tap>({ state: 'loading' });
  const [refresh, setRefresh] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `refresh` is the reload button's trigger
  useEffect(() => {
    let live = true;
    setTap({ state: 'loading' });
    void api.tap(pipelineId, edge.from.node, edge.from.port).then((result) => {
      if (!live) return;
      setTap(result.ok ? { state: 'ok', records: result.value.records } : { state: 'error', message: result.error.message });
    });
    return () => {
      live = false;
    };
  }, [pipelineId, edge.from.node, edge.from.port, refresh]);
  return (
    <div className="inspector-edge">
      <h3>
        {edge.from.node}.{edge.from.port} → {edge.to.node}.{edge.to.port}
      </h3>
      <button type="button" onClick={() => setRefresh((n) => n + 1)}>
        Refresh records
      </button>
      {tap.state === 'loading' && <p className="muted">Loading the last records…</p>}
      {tap.state === 'error' && <p className="field-error">No records: {tap.message}</p>}
      {tap.state === 'ok' && tap.records.length === 0 && <p className="muted">No records have passed yet.</p>}
      {tap.state === 'ok' &&
        tap.records.map((record, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: tap records have no id; their order is the identity
          <pre key={index} className="tap-record">
            {new Date(record.timestamp).toISOString()} key={String(record.key)}
            {'\n'}
            {JSON.stringify(record.value, null, 2)}
          </pre>
        ))}
    </div>
  );
}
