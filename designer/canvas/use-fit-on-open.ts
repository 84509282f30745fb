// Frames each newly opened document (React Flow's own `fitView` prop only frames the first one).
import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import { useStore } from '../store/create-store.ts';
import { designerStore } from '../store/designer-store.ts';

export function useFitOnOpen(): void {
  const opened = useStore(designerStore, (state) => state.opened);
  const { fitView } = useReactFlow();
  useEffect(() => {
    if (opened > 0) void fitView({ padding: 0.15 });
  }, [opened, fitView]);
}
