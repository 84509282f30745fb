import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AccountingTable } from './AccountingTable.tsx';

const base = {
  in: 10,
  passedOn: 6,
  dropped: { 'filter-false': 2 },
  deadLettered: {},
  late: 1,
  held: { 'future-dated': 1 },
  unaccounted: 0,
  inFlight: 0,
};

describe("a node's accounting", () => {
  it('shows each term with its reasons in words, and says when they add up', () => {
    const { container } = render(<AccountingTable accounting={base} />);
    expect(screen.getByText('filter false')).toBeTruthy();
    expect(screen.getByText('future-dated: counted when due')).toBeTruthy();
    expect(container.querySelector('caption')?.textContent).toBe('The terms add up to in.');
    expect(container.querySelector('tr.unaccounted')).toBeNull();
  });

  it('shows unaccounted inputs in red', () => {
    const { container } = render(<AccountingTable accounting={{ ...base, passedOn: 4, unaccounted: 2 }} />);
    expect(container.querySelector('tr.unaccounted')?.textContent).toContain('2');
  });
});
