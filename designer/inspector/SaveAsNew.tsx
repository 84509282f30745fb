// "Save as a new pipeline": the open document, edits included, under a new id, opened as not deployed; deploying it
// then says plainly that it is a second pipeline.
import { useState } from 'react';
import { pipelineIdSchema } from '../../shared/index.ts';
import { runtimePipelinesStore } from '../api/runtime-pipelines.ts';
import { DeployContext } from '../app/deploy-context.ts';
import { openLocal } from '../app/open-deployed.ts';
import type { DesignDocument } from '../store/document.ts';

export function SaveAsNew({ doc }: { doc: DesignDocument }) {
  const [id, setId] = useState<string | undefined>();
  const deploy = DeployContext.useActorRef();
  if (id === undefined) {
    return (
      <button type="button" onClick={() => setId(`${doc.id}-copy`)}>
        Save as a new pipeline…
      </button>
    );
  }
  const runtime = runtimePipelinesStore.get();
  const taken = runtime.state === 'ok' && runtime.pipelines.some((pipeline) => pipeline.id === id);
  const error = taken ? `${id} is already a pipeline on the runtime` : pipelineIdSchema.safeParse(id).error?.issues[0]?.message;
  return (
    <form
      className="save-as-new"
      onSubmit={(event) => {
        event.preventDefault();
        if (!error) openLocal({ ...doc, id, name: `${doc.name} (copy)` }, deploy);
      }}
    >
      <label>
        <span className="field-label">New id</span>
        <input value={id} onChange={(event) => setId(event.target.value)} aria-label="New pipeline id" />
      </label>
      {error && <p className="field-error">{error}</p>}
      <button type="submit" disabled={error !== undefined}>
        Open the copy
      </button>
      <button type="button" className="link" onClick={() => setId(undefined)}>
        Cancel
      </button>
    </form>
  );
}
