// "Does the document differ from what runs?", recomputed only when the meaning (not the layout) of either changes:
// moving boxes must not validate 300 nodes a frame.
import { useMemo } from 'react';
import { shallowEqual, useStore } from '../store/create-store.ts';
import { designerStore } from '../store/designer-store.ts';
import { type Deployedness, deployedness, meaningOf } from './dirty.ts';

export function useDeployedness(): Deployedness {
  const meaning = useStore(designerStore, (s) => meaningOf(s.history.present), shallowEqual);
  const running = useStore(designerStore, (s) => s.runningDocument);
  return useMemo(() => deployedness(meaning, running), [meaning, running]);
}
