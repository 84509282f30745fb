// The right panel for a selected edge: the last records that passed it (the runtime's tap on the source port).
import { useState } from 'react';
import type { Edge } from '../../shared/index.ts';
import { api } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';

export function EdgeInspector({ pipelineId, edge }: { pipelineId: string; edge: Edge }) {
  const [asked, setAsked] = useState(0);
  const { node, port } = edge.from;
  const tap = useApi(`${pipelineId}/${node}/${port}/${asked}`, () => api.tap(pipelineId, node, port));
  return (
    <div className="inspector-edge">
      <h3>
        {edge.from.node}.{edge.from.port} → {edge.to.node}.{edge.to.port}
      </h3>
      <button type="button" onClick={() => setAsked((n) => n + 1)}>
        Refresh records
      </button>
      {tap.state === 'loading' && <p className="muted">Loading the last records…</p>}
      {tap.state === 'error' && <p className="field-error">No records: {tap.message}</p>}
      {tap.state === 'ok' && tap.value.records.length === 0 && <p className="muted">No records have passed yet.</p>}
      {tap.state === 'ok' &&
        tap.value.records.map((record, index) => (
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
