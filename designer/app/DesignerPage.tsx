// The designer: palette | canvas | inspector, the bottom panel underneath; each in its own error boundary. What it
// shows lives in the designer store, so leaving for another page and back finds it as it was.
import { ReactFlowProvider } from '@xyflow/react';
import { runtimePipelinesStore, summaryOf } from '../api/runtime-pipelines.ts';
import { Canvas } from '../canvas/Canvas.tsx';
import { CanvasBehindText } from '../canvas/CanvasBehindText.tsx';
import { CanvasOverlays } from '../canvas/CanvasOverlays.tsx';
import { Palette } from '../canvas/Palette.tsx';
import { Inspector } from '../inspector/Inspector.tsx';
import { useMetricsStream } from '../metrics/use-metrics-stream.ts';
import { useStore } from '../store/create-store.ts';
import { designerStore } from '../store/designer-store.ts';
import { BottomPanel } from './BottomPanel.tsx';
import { DeployContext } from './deploy-context.ts';
import { DeployConfirmation } from './deploy-plan/DeployConfirmation.tsx';
import { PanelBoundary } from './PanelBoundary.tsx';
import { TopBar } from './TopBar.tsx';

export function DesignerPage() {
  const pipelineId = useStore(designerStore, (s) => s.history.present.id);
  const tall = useStore(designerStore, (s) => s.ui.bottomTall);
  // Live while the deploy just landed or the runtime knows this pipeline (a refused deploy leaves the old one running),
  // also while it is stopped: its lag is then the backlog waiting for a start.
  const deployed = DeployContext.useSelector((s) => s.matches('running'));
  const known = useStore(runtimePipelinesStore, (s) => summaryOf(s, pipelineId) !== undefined);
  useMetricsStream(pipelineId, deployed || known);
  return (
    <div className={`designer${tall ? ' designer-tall-bottom' : ''}`}>
      <PanelBoundary name="top bar">
        <TopBar />
      </PanelBoundary>
      <ReactFlowProvider>
        <div className="workspace">
          <PanelBoundary name="palette">
            <Palette />
          </PanelBoundary>
          <PanelBoundary name="canvas">
            <div className="canvas-column">
              <CanvasBehindText />
              <Canvas />
            </div>
          </PanelBoundary>
          <PanelBoundary name="inspector">
            <Inspector />
          </PanelBoundary>
        </div>
        <PanelBoundary name="canvas overlay">
          <CanvasOverlays />
        </PanelBoundary>
      </ReactFlowProvider>
      <PanelBoundary name="bottom panel">
        <BottomPanel />
      </PanelBoundary>
      <PanelBoundary name="deploy confirmation">
        <DeployConfirmation />
      </PanelBoundary>
    </div>
  );
}
