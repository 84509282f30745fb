// The minimap, small (never more than a sixth of the canvas, whatever the window) and hidden on request.
import { MiniMap, useStore as useFlowStore } from '@xyflow/react';
import { useStore } from '../store/create-store.ts';
import { designerStore } from '../store/designer-store.ts';

/** A sixth of the canvas's area at most: each side at most 40% of the canvas's (0.4 × 0.4 = 0.16 < 1/6). */
export function miniMapSize(canvas: { width: number; height: number }): { width: number; height: number } {
  return { width: Math.round(Math.min(180, canvas.width * 0.4)), height: Math.round(Math.min(110, canvas.height * 0.4)) };
}

export function CanvasMiniMap() {
  const shown = useStore(designerStore, (s) => s.ui.minimap);
  const width = useFlowStore((s) => s.width);
  const height = useFlowStore((s) => s.height);
  if (!shown || width === 0 || height === 0) return null;
  const size = miniMapSize({ width, height });
  return <MiniMap pannable zoomable style={size} ariaLabel="Minimap" />;
}
