import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PanelBoundary } from './PanelBoundary.tsx';

afterEach(cleanup);

let broken = true;
function Fragile() {
  if (broken) throw new Error('the inspector met a config it cannot draw');
  return <p>inspector back</p>;
}

describe('a panel that fails', () => {
  it('says what failed, keeps its neighbours working, and can try again', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    render(
      <>
        <PanelBoundary name="inspector">
          <Fragile />
        </PanelBoundary>
        <PanelBoundary name="canvas">
          <p>canvas fine</p>
        </PanelBoundary>
      </>,
    );
    expect(screen.getByTestId('panel-failed-inspector').textContent).toContain('the inspector met a config it cannot draw');
    expect(screen.getByText('canvas fine')).toBeDefined();
    broken = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('inspector back')).toBeDefined();
    logged.mockRestore();
  });
});
