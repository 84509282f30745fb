import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runtimePipelinesStore } from '../api/runtime-pipelines.ts';
import { reviewStatsTemplate } from '../pages/templates.ts';
import { openDocument } from '../store/designer-store.ts';
import { DirtyMarker } from './DirtyMarker.tsx';

beforeEach(() => {
  runtimePipelinesStore.set(() => ({ state: 'loading' }));
  openDocument(reviewStatsTemplate());
});
afterEach(cleanup);

describe('the dirty marker', () => {
  it('says it is asking the runtime until the runtime has answered, and only then that nothing of it is deployed', () => {
    render(<DirtyMarker />);
    const marker = screen.getByTestId('dirty-marker');
    expect(marker.getAttribute('data-state')).toBe('asking');
    expect(marker.textContent).toBe('… asking the runtime');
    act(() => runtimePipelinesStore.set(() => ({ state: 'ok', pipelines: [] })));
    expect(marker.getAttribute('data-state')).toBe('not-deployed');
    expect(marker.textContent).toBe('○ not deployed');
  });

  it('says what it knows when the runtime cannot be reached: nothing runs that it knows of', () => {
    render(<DirtyMarker />);
    act(() => runtimePipelinesStore.set(() => ({ state: 'unreachable', message: 'connection refused' })));
    expect(screen.getByTestId('dirty-marker').getAttribute('data-state')).toBe('not-deployed');
  });
});
