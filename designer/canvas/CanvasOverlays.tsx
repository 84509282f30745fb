// Whichever passing overlay is open: the quick-add palette, a context menu or the shortcut help.
import { assertNever } from '../../shared/index.ts';
import { useStore } from '../store/create-store.ts';
import { CommandPalette } from './CommandPalette.tsx';
import { ContextMenu } from './ContextMenu.tsx';
import { HelpOverlay } from './HelpOverlay.tsx';
import { overlayStore } from './overlays.ts';

export function CanvasOverlays() {
  const overlay = useStore(overlayStore, (state) => state);
  switch (overlay.kind) {
    case 'none':
      return null;
    case 'palette':
      return <CommandPalette at={overlay.at} spliceInto={overlay.spliceInto} />;
    case 'menu':
      return <ContextMenu x={overlay.x} y={overlay.y} target={overlay.target} />;
    case 'help':
      return <HelpOverlay />;
    default:
      return assertNever(overlay);
  }
}
