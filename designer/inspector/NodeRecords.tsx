// A node's records: the last that left each of its output ports, live, one port at a time.
import { useState } from 'react';
import { TapPanel } from './tap/TapPanel.tsx';

export function NodeRecords({ pipelineId, nodeId, ports }: { pipelineId: string; nodeId: string; ports: string[] }) {
  const [chosen, setChosen] = useState(ports[0]);
  const port = ports.includes(chosen ?? '') ? chosen : ports[0];
  if (port === undefined) return <p className="muted">A sink has no output; click an edge into it to see what it receives.</p>;
  return (
    <div className="node-records">
      {ports.length > 1 && (
        <div className="port-tabs" role="tablist" aria-label="Output ports">
          {ports.map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              aria-selected={name === port}
              className={name === port ? 'active' : ''}
              onClick={() => setChosen(name)}
            >
              {name}
            </button>
          ))}
        </div>
      )}
      <TapPanel pipelineId={pipelineId} nodeId={nodeId} port={port} />
    </div>
  );
}
