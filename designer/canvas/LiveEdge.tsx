// An edge with its live rate (the records that crossed it, per second over the window the runtime names): a label
// and a stroke that thickens with the rate, and the fields of its records on hover (the schema the source declares,
// carried along the edges). Like the node badges it subscribes to that one figure, so a metrics frame re-renders only
// the edges whose shown rate changed, and the canvas (with its 300 nodes and edges) not at all.
import { BaseEdge, EdgeLabelRenderer, type EdgeProps, getBezierPath } from '@xyflow/react';
import { memo } from 'react';
import { formatRate } from '../metrics/figures.ts';
import { useEdgeRate } from '../metrics/use-live-figures.ts';
import { useStore } from '../store/create-store.ts';
import { currentDocument, designerStore } from '../store/designer-store.ts';
import type { SluiceFlowEdge } from '../store/flow-conversion.ts';
import { edgeFields } from '../store/record-flow.ts';

function LiveEdgeView({
  id,
  source,
  sourceHandleId,
  target,
  sourceX,
  sourceY,
  targetX,
  targetY,
  sourcePosition,
  targetPosition,
}: EdgeProps<SluiceFlowEdge>) {
  const rate = useEdgeRate({ node: source, port: sourceHandleId ?? '' }, target);
  const fields = useStore(designerStore, (state) => edgeFields(currentDocument(state), source, sourceHandleId ?? ''));
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const flowing = rate !== undefined && rate > 0;
  return (
    <>
      <title>{`Records: ${fields}`}</title>
      <BaseEdge
        id={id}
        path={path}
        className={flowing ? 'edge-flowing' : undefined}
        style={{ strokeWidth: rate === undefined ? 1 : 1 + Math.min(6, Math.log10(1 + rate) * 2) }}
      />
      {rate !== undefined && (
        <EdgeLabelRenderer>
          <div
            className="edge-rate"
            data-testid={`edge-rate-${id}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          >
            {formatRate(rate)}/s
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const LiveEdge = memo(LiveEdgeView);
export const edgeTypes = { live: LiveEdge };
