// The designer's side: validate, deploy, inspect and steer pipelines.
import type { FastifyInstance } from 'fastify';
import { InvalidPipelineError, PipelineNotFoundError, RevisionConflictError } from '../../control/pipeline-registry.ts';
import { currentVersion, type DeploymentRecord } from '../../control/pipeline-store.ts';
import type { PipelineControl } from '../../control/runtime-control.ts';
import { ApiError } from '../errors.ts';

type IdParams = { Params: { id: string } };

/** Maps the registry's errors to HTTP answers, in one place. */
async function answering<T>(work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof PipelineNotFoundError) throw new ApiError(404, 'pipeline-not-found', error.message);
    if (error instanceof InvalidPipelineError) throw new ApiError(422, 'invalid-pipeline', error.message, error.issues);
    if (error instanceof RevisionConflictError)
      throw new ApiError(409, 'revision-conflict', error.message, [{ current: error.current, based: error.based }]);
    throw error;
  }
}

function summary(record: DeploymentRecord, control: PipelineControl) {
  const { version, pipeline } = currentVersion(record);
  return {
    id: record.id,
    name: pipeline.name,
    version,
    revision: record.revision,
    desired: record.desired,
    status: control.status(record.id),
  };
}

export function pipelineRoutes(app: FastifyInstance, control: PipelineControl): void {
  app.get('/api/pipelines', async () => ({ pipelines: control.list().map((record) => summary(record, control)) }));

  app.get<IdParams>('/api/pipelines/:id', (request) =>
    answering(() => {
      const record = control.get(request.params.id);
      const { version, pipeline, deployedAt } = currentVersion(record);
      return { pipeline, version, deployedAt, revision: record.revision, desired: record.desired };
    }),
  );

  app.get<IdParams>('/api/pipelines/:id/versions', (request) =>
    answering(() => ({ versions: [...control.versions(request.params.id)].reverse() })),
  );

  app.post('/api/pipelines/validate', async (request) => control.validate(request.body));

  app.put<IdParams & { Body: { pipeline?: unknown; baseRevision?: number } }>('/api/pipelines/:id', (request) =>
    answering(async () => {
      const body = request.body ?? {};
      // Accept both {pipeline, baseRevision} and a bare pipeline document.
      const input = typeof body === 'object' && 'pipeline' in body ? body.pipeline : body;
      const baseRevision = typeof body === 'object' && typeof body.baseRevision === 'number' ? body.baseRevision : undefined;
      const { record, changed } = await control.deploy(request.params.id, input, baseRevision);
      return { version: currentVersion(record).version, revision: record.revision, changed, status: control.status(record.id) };
    }),
  );

  app.post<IdParams>('/api/pipelines/:id/stop', (request) =>
    answering(async () => summary(await control.stop(request.params.id), control)),
  );
  app.post<IdParams>('/api/pipelines/:id/start', (request) =>
    answering(async () => summary(await control.resume(request.params.id), control)),
  );
  app.delete<IdParams>('/api/pipelines/:id', (request, reply) =>
    answering(async () => {
      await control.remove(request.params.id);
      return reply.status(204).send();
    }),
  );
  app.get<IdParams>('/api/pipelines/:id/status', (request) =>
    answering(() => {
      control.get(request.params.id);
      return control.status(request.params.id);
    }),
  );
}
