// The canvas's passing overlays, one at a time: the command palette (quick add), a context menu, the shortcut help.
// Kept apart from the designer store: they are gestures in progress, not state to come back to.
import { createStore } from '../store/create-store.ts';
import type { Position } from '../store/document.ts';

export type MenuTarget = { kind: 'node'; nodeId: string } | { kind: 'edge'; edgeKey: string } | { kind: 'pane'; at: Position };

export type Overlay =
  | { kind: 'none' }
  /** Adds at `at` (flow coordinates), or splices into the edge `spliceInto`. */
  | { kind: 'palette'; at?: Position | undefined; spliceInto?: string | undefined }
  /** Where the menu opens, in window pixels, and what it is about. */
  | { kind: 'menu'; x: number; y: number; target: MenuTarget }
  | { kind: 'help' };

export const NO_OVERLAY: Overlay = { kind: 'none' };
export const overlayStore = createStore<Overlay>(NO_OVERLAY);

export const closeOverlay = () => overlayStore.set(() => NO_OVERLAY);
export const openCommandPalette = (options: { at?: Position | undefined; spliceInto?: string | undefined } = {}) =>
  overlayStore.set(() => ({ kind: 'palette', ...options }));
export const openMenu = (x: number, y: number, target: MenuTarget) => overlayStore.set(() => ({ kind: 'menu', x, y, target }));
export const toggleHelp = () => overlayStore.set((overlay) => (overlay.kind === 'help' ? NO_OVERLAY : { kind: 'help' }));

/** Where the pointer last was over the canvas, in flow coordinates: quick add puts the node there. */
let pointer: Position | undefined;
export const setPointer = (at: Position) => {
  pointer = at;
};
export const lastPointer = () => pointer;
