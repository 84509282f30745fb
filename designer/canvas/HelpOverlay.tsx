// The shortcuts, listed from the one declaration the keyboard handler uses.
import { closeOverlay } from './overlays.ts';
import { SHORTCUTS } from './shortcuts.ts';

export function HelpOverlay() {
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a click outside the dialog closes it; Esc does the same from the keyboard
    <div className="overlay-backdrop" onMouseDown={(event) => event.target === event.currentTarget && closeOverlay()} role="presentation">
      <div className="help-overlay" role="dialog" aria-label="Keyboard shortcuts" data-testid="help-overlay">
        <header>
          <h3>Shortcuts</h3>
          <button type="button" className="link" onClick={closeOverlay} aria-label="Close">
            ×
          </button>
        </header>
        <dl>
          {SHORTCUTS.map((shortcut) => (
            <div key={shortcut.keys}>
              <dt>
                <kbd>{shortcut.keys}</kbd>
              </dt>
              <dd>{shortcut.does}</dd>
            </div>
          ))}
        </dl>
      </div>
    </div>
  );
}
