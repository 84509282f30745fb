// What a deleted pipeline leaves behind on the cluster: its internal topics (repartition,
// changelogs, dead letters: all named sluice.<pipeline>.…) and its consumer group's offsets.
// Sink topics are the pipeline's outputs, which others may read, and the topics its sources read hold what clients
// were told is stored (an ingest endpoint's, named sluice.<pipeline>.<node> by default): both stay unless asked for.
import type { Admin } from 'kafkajs';
import { logger } from '../log/logger.ts';

const log = logger.child({ component: 'cleanup' });
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

export interface CleanupOptions {
  /** Also delete these topics (the pipeline's sink topics). */
  sinkTopics?: string[];
  /** Never delete these by their name alone (the topics the pipeline reads and writes, whatever their names). */
  keep?: string[];
  /** How long to wait for the other workers to leave the group before its offsets can go. */
  timeoutMs?: number;
  /** Stops waiting (the runtime shuts down). */
  signal?: AbortSignal;
}

export interface CleanupReport {
  deletedTopics: string[];
  groupDeleted: boolean;
}

/** Pipeline ids are slugs without dots, so the prefix names this pipeline's topics only. */
export const internalTopicPrefix = (pipelineId: string) => `sluice.${pipelineId}.`;
export const pipelineGroupId = (pipelineId: string) => `sluice.${pipelineId}`;

export async function deletePipelineResources(admin: Admin, pipelineId: string, options: CleanupOptions = {}): Promise<CleanupReport> {
  const prefix = internalTopicPrefix(pipelineId);
  const existing = new Set(await admin.listTopics());
  const kept = new Set(options.keep ?? []);
  const topics = [...existing].filter((topic) => topic.startsWith(prefix) && !kept.has(topic));
  for (const topic of options.sinkTopics ?? []) if (existing.has(topic) && !topics.includes(topic)) topics.push(topic);
  if (topics.length > 0) await admin.deleteTopics({ topics, timeout: 30_000 });
  const groupDeleted = await deleteGroupWhenEmpty(admin, pipelineGroupId(pipelineId), options.timeoutMs ?? 60_000, options.signal);
  log.info({ pipeline: pipelineId, topics, groupDeleted }, 'deleted pipeline removed from the cluster');
  return { deletedTopics: topics, groupDeleted };
}

/** Other workers stop the pipeline when they see it deleted; until they left, the group is not empty. */
async function deleteGroupWhenEmpty(admin: Admin, groupId: string, timeoutMs: number, signal?: AbortSignal): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.deleteGroups([groupId]);
      return true;
    } catch (error) {
      const cause = (error as { groups?: { error?: { type?: string; message?: string } }[] }).groups?.[0]?.error;
      const text = cause?.type ?? cause?.message ?? String(error);
      if (text === 'GROUP_ID_NOT_FOUND') return true;
      if (Date.now() > deadline || signal?.aborted) {
        log.warn({ group: groupId, err: text }, 'the consumer group of a deleted pipeline could not be deleted');
        return false;
      }
      await sleep(Math.min(250 * attempt, 2000));
    }
  }
}
