// The shortcuts (shortcuts.ts) while the canvas is on screen.
import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import { handleShortcut } from './shortcuts.ts';

export function useCanvasKeys(): void {
  const { fitView } = useReactFlow();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => void handleShortcut(event, () => void fitView({ padding: 0.15, duration: 200 }));
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [fitView]);
}
