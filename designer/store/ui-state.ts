// The panels' own state, kept in the designer store so a page change finds them as they were left.
export type BottomTab = 'problems' | 'json' | 'preview' | 'history';
export type NodeView = 'config' | 'records' | 'throughput';

export type UiState = {
  bottomTab: BottomTab;
  /** The bottom panel at its tall size (for the JSON view and the history's diffs). */
  bottomTall: boolean;
  minimap: boolean;
  /** What the inspector shows of a selected node: its config form, the records leaving its ports, or its throughput. */
  nodeView: NodeView;
};

export const INITIAL_UI: UiState = { bottomTab: 'problems', bottomTall: false, minimap: true, nodeView: 'config' };
