import { describe, expect, it } from 'vitest';
import { pushPast, record, redo, replacePresent, startHistory, undo } from './history.ts';

describe('undo/redo history', () => {
  it('undoes and redoes each recorded change in order', () => {
    let history = startHistory('a');
    history = record(history, 'b');
    history = record(history, 'c');
    history = undo(history);
    expect(history.present).toBe('b');
    history = undo(history);
    expect(history.present).toBe('a');
    history = redo(history);
    expect(history.present).toBe('b');
  });

  it('drops the redo stack when a new change is made after an undo', () => {
    const history = record(undo(record(startHistory('a'), 'b')), 'c');
    expect(history.future).toEqual([]);
    expect(undo(history).present).toBe('a');
  });

  it('folds quick edits of the same field into one step', () => {
    let history = startHistory('');
    history = record(history, 'h', 'name', 0);
    history = record(history, 'hi', 'name', 100);
    expect(undo(history).present).toBe('');
    history = record(history, 'hi!', 'other', 200);
    expect(undo(history).present).toBe('hi');
  });

  it('makes a whole drag one step', () => {
    let history = startHistory({ x: 0 });
    const base = history.present;
    history = replacePresent(history, { x: 5 });
    history = replacePresent(history, { x: 10 });
    history = pushPast(history, base);
    expect(history.present).toEqual({ x: 10 });
    expect(undo(history).present).toEqual({ x: 0 });
  });

  it('does nothing when there is nothing to undo or redo', () => {
    const history = startHistory(1);
    expect(undo(history)).toBe(history);
    expect(redo(history)).toBe(history);
  });
});
