// One node on the canvas: header (icon, label, id), a handle per port with its name, live badges and an error marker.
// Memoised: React Flow re-renders it only when its data or selection changes; metrics come through NodeBadges.
import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import type { SluiceFlowNode } from '../store/flow-conversion.ts';
import { NodeBadges } from './NodeBadges.tsx';
import { NodeIcon } from './NodeIcon.tsx';

function PipelineNodeView({ id, data, selected }: NodeProps<SluiceFlowNode>) {
  const rows = Math.max(data.inputs.length, data.outputs.length, 1);
  return (
    <div
      className={`flow-node${selected ? ' selected' : ''}${data.issueCount > 0 ? ' has-issues' : ''}`}
      style={{ borderTopColor: data.color }}
      data-testid={`node-${id}`}
    >
      <div className="flow-node-header">
        <span className="flow-node-icon" aria-hidden>
          <NodeIcon type={data.nodeType} size={14} />
        </span>
        <span className="flow-node-label">{data.label}</span>
        {data.issueCount > 0 && (
          <span className="flow-node-error" title={`${data.issueCount} problem(s)`}>
            ! {data.issueCount}
          </span>
        )}
      </div>
      <div className="flow-node-id">{id}</div>
      <div className="flow-node-ports" style={{ height: rows * 22 }}>
        {data.inputs.map((port, index) => (
          <div key={`in-${port}`} className="port port-in" style={{ top: index * 22 }}>
            <Handle type="target" position={Position.Left} id={port} data-testid={`handle-${id}-in-${port}`} />
            <span>{port}</span>
          </div>
        ))}
        {data.outputs.map((port, index) => (
          <div key={`out-${port}`} className="port port-out" style={{ top: index * 22 }}>
            <span>{port}</span>
            <Handle type="source" position={Position.Right} id={port} data-testid={`handle-${id}-out-${port}`} />
          </div>
        ))}
      </div>
      <NodeBadges nodeId={id} hasOutputs={data.outputs.length > 0} />
    </div>
  );
}

export const PipelineNode = memo(PipelineNodeView);
export const nodeTypes = { sluice: PipelineNode };
