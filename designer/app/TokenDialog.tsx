// Asks for the runtime's API token when a change was answered 401, once per browser session; says plainly when the
// token given was refused.
import { type FormEvent, useState } from 'react';
import { declineToken, submitToken, tokenStore } from '../api/token.ts';
import { useStore } from '../store/create-store.ts';

export function TokenDialog() {
  const asking = useStore(tokenStore, (s) => s.asking);
  const [token, setToken] = useState('');
  if (!asking) return null;
  function submit(event: FormEvent) {
    event.preventDefault();
    if (token.trim() === '') return;
    submitToken(token.trim());
    setToken('');
  }
  return (
    <div className="overlay-backdrop" role="presentation">
      <form className="token-dialog" role="dialog" aria-modal="true" aria-label="API token" data-testid="token-dialog" onSubmit={submit}>
        <h3>This runtime needs its API token</h3>
        {asking === 'refused' ? (
          <p className="field-error" role="alert" data-testid="token-refused">
            The runtime refused that token. Check the API_TOKEN it was started with and try again.
          </p>
        ) : (
          <p>Changes (deploy, stop, start, delete) need the token the runtime was started with (API_TOKEN).</p>
        )}
        <label className="field">
          <span className="field-label">API token</span>
          {/* biome-ignore lint/a11y/noAutofocus: the dialog asks for exactly this */}
          <input type="password" autoFocus autoComplete="off" value={token} onChange={(event) => setToken(event.target.value)} />
        </label>
        <p className="field-help">Kept for this browser session only, and sent with every change.</p>
        <footer>
          <button type="button" onClick={declineToken}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={token.trim() === ''}>
            Use this token
          </button>
        </footer>
      </form>
    </div>
  );
}
