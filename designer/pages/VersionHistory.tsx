// The deployed versions of the open pipeline, each diffable against the running (latest) version, layout aside.
import { useState } from 'react';
import { semanticPipeline } from '../../shared/index.ts';
import { api } from '../api/client.ts';
import type { PipelineVersion } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import { useStore } from '../store/create-store.ts';
import { designerStore } from '../store/designer-store.ts';
import { diffLines } from './line-diff.ts';

export function VersionHistory() {
  const pipelineId = useStore(designerStore, (s) => s.history.present.id);
  const versions = useApi(pipelineId, () => api.versions(pipelineId));
  const [chosen, setChosen] = useState<number | undefined>();
  if (versions.state === 'loading') return <p className="muted panel-body">Loading versions…</p>;
  if (versions.state === 'error') return <p className="muted panel-body">No version history: {versions.message}</p>;
  const sorted = [...versions.value.versions].sort((a, b) => b.version - a.version);
  const latest = sorted[0];
  const picked = sorted.find((v) => v.version === chosen);
  return (
    <div className="panel-body history">
      <ul className="versions">
        {sorted.map((v) => (
          <li key={v.version}>
            <button type="button" className={v.version === chosen ? 'active' : ''} onClick={() => setChosen(v.version)}>
              v{v.version} · {new Date(v.deployedAt).toLocaleString()} {v === latest && '(running)'}
            </button>
          </li>
        ))}
      </ul>
      {picked && latest && (
        <pre className="diff">
          {diffLines(text(picked), text(latest)).map((line, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: diff lines are positional
            <div key={index} className={`diff-${line.kind}`}>
              {line.kind === 'added' ? '+ ' : line.kind === 'removed' ? '- ' : '  '}
              {line.text}
            </div>
          ))}
        </pre>
      )}
    </div>
  );
}

function text(version: PipelineVersion): string {
  return JSON.stringify(semanticPipeline(version.pipeline), null, 2);
}
