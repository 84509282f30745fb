// The dry-run deploy and the rollback, as the designer and the runtime both see them: what a deploy would change
// against what runs, node by node, and what becomes of each stateful node's state. The runtime answers
// POST /api/pipelines/:id/plan with a DeployPlan without applying anything; POST /api/pipelines/:id/rollback applies one.
import { z } from 'zod';
import type { NodeType } from '../catalog/node-type.ts';
import type { PipelineDiff } from '../schema/diff.ts';

export const planRequestSchema = z.union([
  z.strictObject({
    pipeline: z.unknown().describe('The pipeline a deploy would send.'),
    baseRevision: z.number().int().nonnegative().optional().describe('The revision the edit was based on; a stale one is a 409.'),
  }),
  z.strictObject({
    rollbackTo: z.number().int().positive().describe('A version from the history: plan going back to it.'),
    baseRevision: z.number().int().nonnegative().optional(),
  }),
]);
export type PlanRequest = z.infer<typeof planRequestSchema>;

export const rollbackRequestSchema = z.strictObject({
  version: z.number().int().positive().describe('The version to deploy again, as a new version.'),
  baseRevision: z.number().int().nonnegative().optional().describe('The revision the decision was based on; a stale one is a 409.'),
});
export type RollbackRequest = z.infer<typeof rollbackRequestSchema>;

/** What a deploy does to one stateful node's state. */
export type StateFate = 'kept' | 'reset' | 'new';
export type StatefulNodePlan = { id: string; type: NodeType; state: StateFate };

/** A topic or table this pipeline would write that another deployed pipeline writes too. */
export type SharedOutput = { pipelineId: string; nodeId: string; output: string };

export type DeployPlan = {
  pipelineId: string;
  /** The version deployed now; absent for a pipeline deployed for the first time. */
  currentVersion?: number | undefined;
  /** The version the deploy creates; absent when only the layout changes (nothing restarts). */
  nextVersion?: number | undefined;
  /** The revision the plan was made against: send it as baseRevision to deploy exactly this. */
  revision?: number | undefined;
  /** False when the change is layout only. */
  changed: boolean;
  /** The pipeline is stopped now and the deploy starts it. */
  starts: boolean;
  diff: PipelineDiff;
  stateful: StatefulNodePlan[];
  sharedOutputs: SharedOutput[];
};

/** The answer to a rollback (and to a deploy). */
export type DeployAnswer = { version: number; revision: number; changed: boolean };
