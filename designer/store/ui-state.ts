// The panels' own state, kept in the designer store so a page change finds them as they were left.
export type BottomTab = 'problems' | 'json' | 'preview' | 'history';

export type UiState = {
  bottomTab: BottomTab;
  /** The bottom panel at its tall size (for the JSON view and the history's diffs). */
  bottomTall: boolean;
  minimap: boolean;
  /** What the inspector shows of a selected node: its config form or the records leaving its ports. */
  nodeView: 'config' | 'records';
};

export const INITIAL_UI: UiState = { bottomTab: 'problems', bottomTall: false, minimap: true, nodeView: 'config' };
