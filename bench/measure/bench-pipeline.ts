// review-stats under its own names for one measurement: its id and every topic it
// names get a suffix, so runs never share topics, consumer groups or state.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../runtime/local/project-root.ts';
import { type Pipeline, validatePipeline } from '../../shared/index.ts';

export interface BenchPipeline {
  pipeline: Pipeline;
  /** The pipeline's own topic names → the names in this run. */
  topics: Map<string, string>;
}

/** A copy of a pipeline definition (JSON) with `-<suffix>` after its id and every node's `topic`. */
export function renamePipeline(definition: unknown, suffix: string): { definition: unknown; topics: Map<string, string> } {
  const copy = structuredClone(definition) as { id?: unknown; nodes?: { config?: Record<string, unknown> }[] };
  const topics = new Map<string, string>();
  copy.id = `bench-${suffix}`;
  for (const node of copy.nodes ?? []) {
    const topic = node.config?.topic;
    if (typeof topic !== 'string' || !node.config) continue;
    topics.set(topic, `${topic}-${suffix}`);
    node.config.topic = `${topic}-${suffix}`;
  }
  return { definition: copy, topics };
}

export interface RunVariant {
  /** false: the spam filter without its classifier (its cheap rules only, as the Kafka Streams peer has). */
  classifier?: boolean;
}

/** The spamFilter node's config with the classifier switched off (its other settings as shipped or defaulted). */
function withoutClassifier(definition: unknown): void {
  const nodes = (definition as { nodes?: { id?: string; config?: Record<string, unknown> }[] }).nodes ?? [];
  const node = nodes.find((candidate) => candidate.id === 'spamFilter');
  if (!node) throw new Error('review-stats has no spamFilter node');
  const config = node.config ?? {};
  const rules = (config.rules ?? {}) as Record<string, unknown>;
  rules.classifier = { ...(rules.classifier as Record<string, unknown> | undefined), enabled: false };
  config.rules = rules;
  node.config = config;
}

export function reviewStatsForRun(suffix: string, variant: RunVariant = {}): BenchPipeline {
  const original: unknown = JSON.parse(readFileSync(join(repoRoot, 'pipelines', 'review-stats.json'), 'utf8'));
  const { definition, topics } = renamePipeline(original, suffix);
  if (variant.classifier === false) withoutClassifier(definition);
  const validated = validatePipeline(definition);
  if (!validated.ok) throw new Error(`review-stats.json renamed for the bench is invalid: ${JSON.stringify(validated.issues)}`);
  return { pipeline: validated.pipeline, topics };
}

/** The renamed name of one of review-stats' topics. */
export function topicOf(run: BenchPipeline, name: string): string {
  const renamed = run.topics.get(name);
  if (!renamed) throw new Error(`review-stats names no topic '${name}'`);
  return renamed;
}
