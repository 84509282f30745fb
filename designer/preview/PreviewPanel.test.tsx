import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reviewStatsTemplate } from '../pages/templates.ts';
import { openDocument } from '../store/designer-store.ts';
import { PreviewPanel } from './PreviewPanel.tsx';

beforeEach(() => openDocument(reviewStatsTemplate()));
afterEach(cleanup);

describe('the preview panel', () => {
  it('runs the open pipeline over the sample reviews and shows why reviews went to spam', async () => {
    render(<PreviewPanel />);
    fireEvent.click(screen.getByRole('button', { name: 'Run preview' }));
    const spam = await screen.findByTestId('preview-spam', {}, { timeout: 5000 });
    const row = within(spam).getByText('r017').closest('tr');
    expect(row?.textContent).toContain('BEST DEAL!!! CLICK NOW');
    expect(row?.textContent).toContain('links: contains 2 links, to cheap-courses.example.com and promo.example.net');
    expect(screen.getByTestId('preview-node-reviews').textContent).toContain('in 20 · out 20');
    expect(screen.getByTestId('preview-node-courseStatsTopic').textContent).toContain('topic course-stats');
  });

  it('shows what a node emitted when it is opened', async () => {
    render(<PreviewPanel />);
    fireEvent.click(screen.getByRole('button', { name: 'Run preview' }));
    const node = await screen.findByTestId('preview-node-spamFilter', {}, { timeout: 5000 });
    fireEvent.click(within(node).getByText('spamFilter'));
    expect(within(node).getByRole('heading', { name: 'spam' })).toBeDefined();
    expect(node.textContent).toContain('"spamReasons"');
  });

  it('runs pasted records, one JSON object per line', async () => {
    render(<PreviewPanel />);
    fireEvent.click(screen.getByLabelText('Pasted records'));
    const review = {
      id: 'p1',
      courseId: 'c1',
      userId: 'u1',
      rating: 5,
      content: 'Write to me at spam@example.org',
      createdAt: '2026-01-01T10:00:00Z',
    };
    fireEvent.change(screen.getByLabelText('Records to preview'), { target: { value: JSON.stringify(review) } });
    fireEvent.click(screen.getByRole('button', { name: 'Run preview' }));
    const spam = await screen.findByTestId('preview-spam', {}, { timeout: 5000 });
    expect(within(spam).getByText('p1').closest('tr')?.textContent).toContain('contacts');
  });

  it('says what is wrong with pasted text that is not records', () => {
    render(<PreviewPanel />);
    fireEvent.click(screen.getByLabelText('Pasted records'));
    fireEvent.change(screen.getByLabelText('Records to preview'), { target: { value: '[1, 2]' } });
    fireEvent.click(screen.getByRole('button', { name: 'Run preview' }));
    expect(screen.getByText('Record 1 is not a JSON object.')).toBeDefined();
  });
});
