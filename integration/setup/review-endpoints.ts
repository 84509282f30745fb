// review-stats' two endpoints as nodes for a test's own pipeline: its source.http at /api/reviews and its view.http
// at /api/courses/{courseId}/stats, exactly as pipelines/review-stats.json declares them, on topics of the test's.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './processes.ts';

type NodeJson = { id: string; type: string; config: Record<string, unknown> };

function reviewStatsNode(type: string): NodeJson {
  const pipeline = JSON.parse(readFileSync(join(repoRoot, 'pipelines/review-stats.json'), 'utf8')) as { nodes: NodeJson[] };
  const node = pipeline.nodes.find((candidate) => candidate.type === type);
  if (!node) throw new Error(`review-stats.json has no ${type} node`);
  return node;
}

/** POST /api/reviews, writing to `topic`. */
export function reviewsEndpoint(id: string, topic: string): NodeJson {
  const node = reviewStatsNode('source.http');
  return { id, type: node.type, config: { ...node.config, topic } };
}

/** GET /api/courses/{courseId}/stats, reading `topic`. */
export function courseStatsEndpoint(id: string, topic: string): NodeJson {
  const node = reviewStatsNode('view.http');
  return { id, type: node.type, config: { ...node.config, topic } };
}
