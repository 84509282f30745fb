// The designer's side: validate, deploy, inspect and steer pipelines.
import type { FastifyInstance } from 'fastify';
import {
  InvalidPipelineError,
  PipelineNotFoundError,
  RevisionConflictError,
  VersionNotFoundError,
} from '../../control/pipeline-registry.ts';
import { currentVersion, type DeploymentRecord } from '../../control/pipeline-store.ts';
import type { PipelineControl } from '../../control/runtime-control.ts';
import { ApiError } from '../errors.ts';

type IdParams = { Params: { id: string } };

/** Maps the registry's errors to HTTP answers, in one place. */
export async function answering<T>(work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof PipelineNotFoundError) throw new ApiError(404, 'pipeline-not-found', error.message);
    if (error instanceof VersionNotFoundError) throw new ApiError(404, 'version-not-found', error.message);
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

  // Validation changes nothing, so it needs no token. Its own path cannot be a pipeline's (`::` is a literal
  // colon); the documented /api/pipelines/validate stays, and 'validate' is a reserved pipeline id.
  const validate = { config: { changesNothing: true } };
  app.post('/api/pipelines::validate', validate, async (request) => control.validate(request.body));
  app.post('/api/pipelines/validate', validate, async (request) => control.validate(request.body));

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
  // Internal topics and the group's offsets always go; ?deleteSinkTopics=true also deletes what it wrote.
  app.delete<IdParams & { Querystring: { deleteSinkTopics?: string } }>('/api/pipelines/:id', (request, reply) =>
    answering(async () => {
      await control.remove(request.params.id, { sinks: request.query.deleteSinkTopics === 'true' });
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

type TapParams = { Params: { id: string; nodeId: string; port: string }; Querystring: { limit?: string } };

export function tapRoutes(app: FastifyInstance, control: PipelineControl): void {
  app.get<TapParams>('/api/pipelines/:id/tap/:nodeId/:port', (request) =>
    answering(() => {
      const limit = Math.min(100, Math.max(1, Number(request.query.limit ?? 20) || 20));
      const { id, nodeId, port } = request.params;
      const node = currentVersion(control.get(id)).pipeline.nodes.find((candidate) => candidate.id === nodeId);
      if (!node) throw new ApiError(404, 'node-not-found', `Pipeline '${id}' has no node '${nodeId}'.`);
      return { records: control.tap(id, nodeId, port, limit) };
    }),
  );
}
