// The deployed versions of the open pipeline, newest first, each with when it was deployed and what it changed node
// by node against the version before it; any older version can be rolled back to, through the deploy confirmation.
import { useState } from 'react';
import { diffPipelines } from '../../shared/index.ts';
import { api } from '../api/client.ts';
import { runtimePipelinesStore, summaryOf } from '../api/runtime-pipelines.ts';
import type { PipelineVersion } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import { DeployContext } from '../app/deploy-context.ts';
import { DiffList } from '../app/deploy-plan/DiffList.tsx';
import { useStore } from '../store/create-store.ts';
import { designerStore } from '../store/designer-store.ts';

export function VersionHistory() {
  const pipelineId = useStore(designerStore, (s) => s.history.present.id);
  const known = useStore(runtimePipelinesStore, (s) => s.state !== 'ok' || summaryOf(s, pipelineId) !== undefined);
  if (!known) return <p className="muted panel-body">{pipelineId} is not deployed yet: it has no versions.</p>;
  return <Versions pipelineId={pipelineId} />;
}

function Versions({ pipelineId }: { pipelineId: string }) {
  const revision = useStore(designerStore, (s) => s.baseRevision);
  // Asked again after every deploy, stop or start (each moves the revision).
  const versions = useApi(`${pipelineId}@${revision}`, () => api.versions(pipelineId));
  const [chosen, setChosen] = useState<number | undefined>();
  if (versions.state === 'loading') return <p className="muted panel-body">Loading versions…</p>;
  if (versions.state === 'error') return <p className="muted panel-body">No version history: {versions.message}</p>;
  const sorted = [...versions.value.versions].sort((a, b) => b.version - a.version);
  const picked = sorted.find((v) => v.version === chosen) ?? sorted[0];
  return (
    <div className="panel-body history" data-testid="version-history">
      <ol className="versions" aria-label="Versions">
        {sorted.map((v, index) => (
          <li key={v.version}>
            <button
              type="button"
              className={v === picked ? 'active' : ''}
              onClick={() => setChosen(v.version)}
              data-testid={`version-${v.version}`}
            >
              <strong>v{v.version}</strong> {index === 0 && <span className="running-tag">running</span>}
              <time dateTime={v.deployedAt}>{new Date(v.deployedAt).toLocaleString()}</time>
            </button>
          </li>
        ))}
      </ol>
      {picked && (
        <VersionDetail version={picked} previous={sorted.find((v) => v.version < picked.version)} current={picked === sorted[0]} />
      )}
    </div>
  );
}

function VersionDetail({
  version,
  previous,
  current,
}: {
  version: PipelineVersion;
  previous?: PipelineVersion | undefined;
  current: boolean;
}) {
  const deploy = DeployContext.useActorRef();
  const busy = DeployContext.useSelector((s) => s.hasTag('busy') || s.hasTag('confirming'));
  function rollBack() {
    const { baseRevision } = designerStore.get();
    deploy.send({ type: 'ROLLBACK', pipelineId: version.pipeline.id, version: version.version, baseRevision });
  }
  return (
    <section className="version-detail" data-testid="version-detail">
      <header>
        <h4>
          v{version.version}, deployed {new Date(version.deployedAt).toLocaleString()}
          {previous ? `: what changed since v${previous.version}` : ': the first version'}
        </h4>
        {!current && (
          <button type="button" className="primary" onClick={rollBack} disabled={busy}>
            Roll back to this version…
          </button>
        )}
      </header>
      <DiffList diff={diffPipelines(previous?.pipeline, version.pipeline)} />
    </section>
  );
}
