// Frames each newly opened document (React Flow's own `fitView` prop only frames the first one); an empty one starts
// at 100%, so the first node dropped on it keeps the size it has in the palette's world.
import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import { useStore } from '../store/create-store.ts';
import { designerStore } from '../store/designer-store.ts';

export function useFitOnOpen(): void {
  const opened = useStore(designerStore, (state) => state.opened);
  const { fitView, setViewport } = useReactFlow();
  useEffect(() => {
    if (opened === 0) return;
    if (designerStore.get().history.present.nodes.length === 0) void setViewport({ x: 0, y: 0, zoom: 1 });
    else void fitView({ padding: 0.15 });
  }, [opened, fitView, setViewport]);
}
