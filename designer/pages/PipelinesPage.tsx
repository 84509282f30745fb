// All pipelines on the runtime with their status: open, duplicate, delete; new from the review-stats template or
// empty; import and export.

import { api } from '../api/client.ts';
import { refreshRuntimePipelines, runtimePipelinesStore } from '../api/runtime-pipelines.ts';
import type { PipelineSummary } from '../api/types.ts';
import { DeployContext } from '../app/deploy-context.ts';
import { loadDeployed, openDeployed, openLocal } from '../app/open-deployed.ts';
import { showToast } from '../app/toasts.ts';
import { navigate } from '../app/use-hash-route.ts';
import { useStore } from '../store/create-store.ts';
import { currentDocument, designerStore } from '../store/designer-store.ts';
import { type DesignDocument, emptyDocument } from '../store/document.ts';
import { exportDocument, importDocument } from './files.ts';
import { reviewStatsTemplate } from './templates.ts';

export function PipelinesPage() {
  const runtime = useStore(runtimePipelinesStore, (state) => state);
  const deploy = DeployContext.useActorRef();

  function openHere(doc: DesignDocument) {
    openLocal(doc, deploy);
    navigate('#/');
  }

  async function open(summary: PipelineSummary) {
    const reason = await openDeployed(summary.id, deploy);
    if (reason) showToast(reason, 'error');
    else navigate('#/');
  }

  async function duplicate(summary: PipelineSummary) {
    const deployed = await loadDeployed(summary.id);
    if (typeof deployed === 'string') return showToast(deployed, 'error');
    openHere({ ...deployed.doc, id: `${deployed.doc.id}-copy`, name: `${deployed.doc.name} (copy)` });
  }

  async function remove(summary: PipelineSummary) {
    if (!window.confirm(`Delete ${summary.id}? It stops and its definition is removed.`)) return;
    const result = await api.remove(summary.id);
    if (!result.ok) showToast(result.error.message, 'error');
    await refreshRuntimePipelines();
  }

  return (
    <main className="page pipelines-page">
      <header className="page-header">
        <h1>Pipelines</h1>
        <button type="button" onClick={() => openHere(reviewStatsTemplate())}>
          New from template: review-stats
        </button>
        <button type="button" onClick={() => openHere(emptyDocument())}>
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
              if (file) void importDocument(file).then((doc) => (typeof doc === 'string' ? showToast(doc, 'error') : openHere(doc)));
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
      {runtime.state === 'loading' && <p className="muted">Loading…</p>}
      {runtime.state === 'unreachable' && <p className="muted">The runtime’s pipelines are not available: {runtime.message}</p>}
      {runtime.state === 'ok' && runtime.pipelines.length === 0 && <p className="muted">No pipelines deployed yet.</p>}
      {runtime.state === 'ok' && runtime.pipelines.length > 0 && (
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
            {runtime.pipelines.map((p) => (
              <tr key={p.id} data-testid={`pipeline-row-${p.id}`}>
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
                  <button type="button" onClick={() => void duplicate(p)}>
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
