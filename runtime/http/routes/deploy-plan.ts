// A deploy that says what it will do: the dry run (plan) and the rollback to a version of the history. Both go
// through the registry's own checks, so a plan refuses what a deploy would refuse (422, 409) and a rollback is a
// deploy like any other.
import type { FastifyInstance } from 'fastify';
import type { ZodType } from 'zod';
import { planRequestSchema, rollbackRequestSchema } from '../../../shared/api/deploy-plan.ts';
import { currentVersion } from '../../control/pipeline-store.ts';
import type { PipelineControl } from '../../control/runtime-control.ts';
import { ApiError } from '../errors.ts';
import { answering } from './pipelines.ts';

type IdParams = { Params: { id: string } };

function parsed<T>(schema: ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? {});
  if (!result.success)
    throw new ApiError(400, 'invalid-request', 'The request body does not have the expected fields.', result.error.issues);
  return result.data;
}

export function deployPlanRoutes(app: FastifyInstance, control: PipelineControl): void {
  app.post<IdParams>('/api/pipelines/:id/plan', (request) =>
    answering(() => {
      const body = parsed(planRequestSchema, request.body);
      const { id } = request.params;
      return 'rollbackTo' in body
        ? control.planRollback(id, body.rollbackTo, body.baseRevision)
        : control.plan(id, body.pipeline, body.baseRevision);
    }),
  );

  app.post<IdParams>('/api/pipelines/:id/rollback', (request) =>
    answering(async () => {
      const body = parsed(rollbackRequestSchema, request.body);
      const { record, changed } = await control.rollback(request.params.id, body.version, body.baseRevision);
      return { version: currentVersion(record).version, revision: record.revision, changed, status: control.status(record.id) };
    }),
  );
}

export const deployPlanOpenApi = {
  '/api/pipelines/{id}/plan': {
    post: {
      summary: 'Dry-run a deploy ({pipeline}) or a rollback ({rollbackTo}): nodes added, removed, changed, state kept or reset',
      responses: {
        200: { description: 'the plan; nothing is applied' },
        404: { description: 'no such version' },
        409: { description: 'stale baseRevision' },
        422: { description: 'invalid pipeline' },
      },
    },
  },
  '/api/pipelines/{id}/rollback': {
    post: {
      summary: 'Deploy a version of the history again ({version, baseRevision}), as a new version',
      responses: {
        200: { description: 'deployed' },
        404: { description: 'no such pipeline or version' },
        409: { description: 'stale baseRevision' },
      },
    },
  },
};
