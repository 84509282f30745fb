// An error boundary per panel: a panel that fails says what failed and offers to try again, and the rest of the
// designer (and the document, which lives in the store) keeps working.
import { Component, type ReactNode } from 'react';

type Props = { name: string; children: ReactNode };
type State = { error?: Error | undefined };

export class PanelBoundary extends Component<Props, State> {
  override state: State = {};

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown): void {
    console.error(`The ${this.props.name} failed:`, error);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="panel-failed" role="alert" data-testid={`panel-failed-${this.props.name}`}>
        <strong>The {this.props.name} failed.</strong>
        <p>{error.message}</p>
        <p className="muted">Your pipeline is safe: it is kept apart from this panel, and as a local draft.</p>
        <button type="button" onClick={() => this.setState({ error: undefined })}>
          Try again
        </button>
      </div>
    );
  }
}
