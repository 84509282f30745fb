// The dry run against a registry over an in-memory store (the store is plain storage; the Kafka one is tested in
// integration/): it must refuse what a deploy refuses and never write.
import { beforeEach, describe, expect, it } from 'vitest';
import reviewStats from '../../pipelines/review-stats.json';
import { planDeploy } from './deploy-plan.ts';
import { InvalidPipelineError, PipelineRegistry, RevisionConflictError } from './pipeline-registry.ts';
import { MemoryPipelineStore as MemoryStore } from './testing/memory-pipeline-store.ts';

type Doc = typeof reviewStats;
const withWindowSize = (size: string): Doc => {
  const doc = structuredClone(reviewStats);
  const window = doc.nodes.find((node) => node.id === 'courseStats')?.config as { windows: Array<{ size?: string }> };
  if (window.windows[1]) window.windows[1].size = size;
  return doc;
};

/** review-stats as another pipeline: the same nodes, its endpoints on paths of their own (one pipeline serves each). */
const copyAs = (id: string) => {
  const doc = structuredClone(reviewStats);
  for (const node of doc.nodes) {
    const config = node.config as { path?: string };
    if (config.path) config.path = config.path.replace('/api/', `/api/${id}/`);
  }
  return { ...doc, id };
};

let store: MemoryStore;
let registry: PipelineRegistry;
beforeEach(async () => {
  store = new MemoryStore();
  registry = new PipelineRegistry(store);
  await registry.deploy('review-stats', reviewStats);
});

describe('the dry-run deploy', () => {
  it('plans a first deploy as every node added, every stateful node new', () => {
    const plan = planDeploy(registry, 'other', copyAs('other'));
    expect(plan).toMatchObject({ pipelineId: 'other', currentVersion: undefined, nextVersion: 1, changed: true, starts: false });
    expect(plan.diff.nodes.added).toHaveLength(reviewStats.nodes.length);
    expect(plan.stateful.map((node) => [node.id, node.state])).toEqual([
      ['spamFilter', 'new'],
      ['courseStats', 'new'],
    ]);
  });

  it('keeps the spam filter’s state and resets the window whose config changed, and writes nothing', () => {
    const writes = store.writes;
    const plan = planDeploy(registry, 'review-stats', withWindowSize('30d'), 1);
    expect(plan).toMatchObject({ currentVersion: 1, nextVersion: 2, revision: 1, changed: true });
    expect(plan.diff.nodes.changed).toEqual([
      { id: 'courseStats', type: 'window', config: [{ path: '/windows/1/size', before: '90d', after: '30d' }] },
    ]);
    expect(plan.stateful.map((node) => [node.id, node.state])).toEqual([
      ['spamFilter', 'kept'],
      ['courseStats', 'reset'],
    ]);
    expect(store.writes).toBe(writes);
    expect(registry.get('review-stats').versions).toHaveLength(1);
  });

  it('plans a layout-only edit as no new version with all state kept', () => {
    const moved = { ...reviewStats, layout: { nodes: { reviews: { x: 5, y: 5 } } } };
    const plan = planDeploy(registry, 'review-stats', moved);
    expect(plan).toMatchObject({ changed: false, nextVersion: undefined });
    expect(plan.stateful.every((node) => node.state === 'kept')).toBe(true);
  });

  it('says a stopped pipeline starts again, with its state as it was', async () => {
    await registry.setDesired('review-stats', 'stopped');
    const plan = planDeploy(registry, 'review-stats', withWindowSize('30d'));
    expect(plan.starts).toBe(true);
    expect(plan.stateful.find((node) => node.id === 'courseStats')?.state).toBe('kept');
  });

  it('names the topics and tables another pipeline writes too', () => {
    const plan = planDeploy(registry, 'copy', copyAs('copy'));
    expect(plan.sharedOutputs).toContainEqual({ pipelineId: 'review-stats', nodeId: 'spamTopic', output: 'Kafka topic reviews-spam' });
    expect(plan.sharedOutputs).toContainEqual({
      pipelineId: 'review-stats',
      nodeId: 'courseStatsTable',
      output: 'PostgreSQL table course_stats',
    });
  });

  it('refuses what a deploy refuses: an invalid pipeline, a stale revision', () => {
    expect(() => planDeploy(registry, 'review-stats', { ...reviewStats, edges: [] })).toThrow(InvalidPipelineError);
    expect(() => planDeploy(registry, 'review-stats', withWindowSize('30d'), 0)).toThrow(RevisionConflictError);
  });

  it('refuses a pipeline whose endpoint another pipeline serves, naming both', () => {
    const clash = () => planDeploy(registry, 'copy', { ...reviewStats, id: 'copy' });
    expect(clash).toThrow(InvalidPipelineError);
    const issues = (() => {
      try {
        clash();
        return [];
      } catch (error) {
        return error instanceof InvalidPipelineError ? error.issues : [];
      }
    })();
    expect(issues[0]?.message).toBe(
      "POST /api/reviews is already served by pipeline 'review-stats' (node 'reviews'); pipeline 'copy' (node 'reviews') cannot serve it too: give one of them another path",
    );
  });
});
