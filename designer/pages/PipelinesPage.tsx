// All pipelines on the runtime: open, duplicate, delete; new from the review-stats template or empty; import/export.
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import type { PipelineSummary } from '../api/types.ts';
import { DeployContext } from '../app/deploy-context.ts';
import { showToast } from '../app/toasts.ts';
import { navigate } from '../app/use-hash-route.ts';
import { currentDocument, designerStore, openDocument } from '../store/designer-store.ts';
import { asDesignDocument, type DesignDocument, emptyDocument } from '../store/document.ts';
import { exportDocument, importDocument } from './files.ts';
import { reviewStatsTemplate } from './templates.ts';

type Listing = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ok'; pipelines: PipelineSummary[] };

export function PipelinesPage() {
  const [listing, setListing] = useState<Listing>({ state: 'loading' });
  const deploy = DeployContext.useActorRef();
  const reload = useCallback(() => {
    void api
      .listPipelines()
      .then((r) => setListing(r.ok ? { state: 'ok', pipelines: r.value.pipelines } : { state: 'error', message: r.error.message }));
  }, []);
  useEffect(reload, [reload]);

  function openLocal(doc: DesignDocument) {
    openDocument(doc);
    deploy.send({ type: 'DISMISS' });
    navigate('#/');
  }

  async function open(summary: PipelineSummary, copy = false) {
    const result = await api.getPipeline(summary.id);
    const doc = result.ok ? asDesignDocument(result.value.pipeline) : undefined;
    if (!result.ok || !doc)
      return showToast(`Could not open ${summary.id}: ${result.ok ? 'not a pipeline' : result.error.message}`, 'error');
    if (copy) return openLocal({ ...doc, id: `${doc.id}-copy`, name: `${doc.name} (copy)` });
    openDocument(doc, { revision: result.value.revision, running: doc });
    deploy.send({ type: 'RUNTIME_STATE', pipelineId: doc.id, running: summary.status.state === 'running' });
    navigate('#/');
  }

  async function remove(summary: PipelineSummary) {
    if (!window.confirm(`Delete ${summary.id}? It stops and its definition is removed.`)) return;
    const result = await api.remove(summary.id);
    if (!result.ok) showToast(result.error.message, 'error');
    reload();
  }

  return (
    <main className="page pipelines-page">
      <header className="page-header">
        <h1>Pipelines</h1>
        <button type="button" onClick={() => openLocal(reviewStatsTemplate())}>
          New from template: review-stats
        </button>
        <button type="button" onClick={() => openLocal(emptyDocument())}>
          New empty
        </button>
        <label className="button">
          Import .json
          <input
            type="file"
            accept="application/json,.json"
            hidden
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void importDocument(file).then((doc) => (typeof doc === 'string' ? showToast(doc, 'error') : openLocal(doc)));
            }}
          />
        </label>
        <button type="button" onClick={() => exportDocument(currentDocument(designerStore.get()))}>
          Export open pipeline
        </button>
        <button type="button" className="link" onClick={() => navigate('#/')}>
          Back to the designer
        </button>
      </header>
      {listing.state === 'loading' && <p className="muted">Loading…</p>}
      {listing.state === 'error' && <p className="muted">The runtime’s pipelines are not available: {listing.message}</p>}
      {listing.state === 'ok' && listing.pipelines.length === 0 && <p className="muted">No pipelines deployed yet.</p>}
      {listing.state === 'ok' && listing.pipelines.length > 0 && (
        <table className="pipelines">
          <thead>
            <tr>
              <th>Id</th>
              <th>Name</th>
              <th>Version</th>
              <th>Status</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {listing.pipelines.map((p) => (
              <tr key={p.id}>
                <td>
                  <code>{p.id}</code>
                </td>
                <td>{p.name}</td>
                <td>v{p.version}</td>
                <td>
                  <span className={`status status-${p.status.state}`}>{p.status.state}</span> {p.status.reason}
                </td>
                <td className="actions">
                  <button type="button" onClick={() => void open(p)}>
                    Open
                  </button>
                  <button type="button" onClick={() => void open(p, true)}>
                    Duplicate
                  </button>
                  <button type="button" onClick={() => void remove(p)}>
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
