// The designer: palette | canvas | inspector, with the bottom panel underneath.
import { ReactFlowProvider } from '@xyflow/react';
import { useCallback, useState } from 'react';
import { runtimePipelinesStore, summaryOf } from '../api/runtime-pipelines.ts';
import { Canvas } from '../canvas/Canvas.tsx';
import { Palette } from '../canvas/Palette.tsx';
import { Inspector } from '../inspector/Inspector.tsx';
import { useMetricsStream } from '../metrics/use-metrics-stream.ts';
import { useStore } from '../store/create-store.ts';
import { designerStore } from '../store/designer-store.ts';
import { BottomPanel, type BottomTab } from './BottomPanel.tsx';
import { DeployContext } from './deploy-context.ts';
import { TopBar } from './TopBar.tsx';

export function DesignerPage() {
  const [tab, setTab] = useState<BottomTab>('problems');
  const showProblems = useCallback(() => setTab('problems'), []);
  const pipelineId = useStore(designerStore, (s) => s.history.present.id);
  // Live while the deploy just landed or the runtime runs this pipeline (a refused deploy leaves the old one running).
  const deployed = DeployContext.useSelector((s) => s.matches('running'));
  const reportedRunning = useStore(runtimePipelinesStore, (s) => summaryOf(s, pipelineId)?.desired === 'running');
  useMetricsStream(pipelineId, deployed || reportedRunning);
  return (
    <div className="designer">
      <TopBar onShowProblems={showProblems} />
      <ReactFlowProvider>
        <div className="workspace">
          <Palette />
          <Canvas />
          <Inspector />
        </div>
      </ReactFlowProvider>
      <BottomPanel tab={tab} onTab={setTab} />
    </div>
  );
}
