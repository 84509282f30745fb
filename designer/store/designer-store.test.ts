import { beforeEach, describe, expect, it } from 'vitest';
import { documentWith } from '../test-utils/documents.ts';
import {
  designerStore,
  edit,
  markDeletedOnRuntime,
  markDeployed,
  openDocument,
  select,
  setTextAhead,
  setUi,
  undoEdit,
} from './designer-store.ts';
import { removeNodes } from './edits.ts';

const doc = documentWith(
  [
    ['reviews', 'source.kafka'],
    ['out', 'sink.kafka'],
  ],
  [['reviews:out', 'out:in']],
);

beforeEach(() => openDocument(doc, { revision: 3, running: doc }));

describe('the designer store', () => {
  it('selects nothing that an edit removed', () => {
    select({ nodeIds: ['out'], edgeKeys: ['reviews:out->out:in'] });
    edit((d) => removeNodes(d, new Set(['out'])));
    expect(designerStore.get().selection).toEqual({ nodeIds: [], edgeKeys: [] });
  });

  it('keeps a selection whose elements an undo brings back, and drops it when undo takes them away', () => {
    edit((d) => ({ ...d, nodes: [...d.nodes, { id: 'extra', type: 'filter', config: {} }] }));
    select({ nodeIds: ['extra'], edgeKeys: [] });
    undoEdit();
    expect(designerStore.get().selection.nodeIds).toEqual([]);
  });

  it('keeps the panels as they were when another document opens, and starts its selection afresh', () => {
    setUi({ bottomTab: 'history', minimap: false });
    select({ nodeIds: ['out'], edgeKeys: [] });
    openDocument({ ...doc, id: 'other' });
    const state = designerStore.get();
    expect(state.ui).toMatchObject({ bottomTab: 'history', minimap: false });
    expect(state.selection.nodeIds).toEqual([]);
    expect(state.deployedId).toBeUndefined();
  });

  it('remembers which deployed pipeline the document came from', () => {
    expect(designerStore.get().deployedId).toBe(doc.id);
    edit((d) => ({ ...d, id: 'renamed' }));
    expect(designerStore.get().deployedId).toBe(doc.id);
  });

  it('forgets a restored draft once it is deployed, and a deleted pipeline once it is deployed again', () => {
    openDocument(doc, { restoredDraft: { savedAt: 'then' } });
    markDeletedOnRuntime();
    expect(designerStore.get()).toMatchObject({ deletedOnRuntime: true, runningDocument: undefined, baseRevision: undefined });
    markDeployed(5, doc);
    expect(designerStore.get()).toMatchObject({ deletedOnRuntime: false, restoredDraft: undefined, baseRevision: 5, deployedId: doc.id });
  });

  it('keeps JSON text that is ahead of the document until another document opens', () => {
    setTextAhead({ text: '{', problem: { message: 'JSON syntax', line: 1, column: 2 } });
    expect(designerStore.get().textAhead?.text).toBe('{');
    openDocument(doc);
    expect(designerStore.get().textAhead).toBeUndefined();
  });
});
