import { validatePipeline } from '../../../shared/index.ts';
import { PipelineNotFoundError } from '../../control/pipeline-registry.ts';
import type { PipelineControl } from '../../control/runtime-control.ts';

/** A PipelineControl for route tests that knows no pipeline and records every call that would change one. */
export function recordingPipelines(): PipelineControl & { changes: string[] } {
  const changes: string[] = [];
  const missing = (id: string): never => {
    throw new PipelineNotFoundError(id);
  };
  const change = async (what: string, id: string): Promise<never> => {
    changes.push(`${what} ${id}`);
    return missing(id);
  };
  return {
    changes,
    list: () => [],
    get: missing,
    versions: missing,
    validate: (input) => {
      const result = validatePipeline(input);
      return { ok: result.ok, issues: result.ok ? [] : result.issues };
    },
    deploy: (id) => change('deploy', id),
    stop: (id) => change('stop', id),
    resume: (id) => change('resume', id),
    remove: (id) => change('remove', id),
    plan: missing,
    planRollback: missing,
    rollback: (id) => change('rollback', id),
    status: missing,
    tap: missing,
  };
}
