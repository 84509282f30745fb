// spam-filter: adapts the rules and classifier in this folder to the
// engine as a chain of stages, each where its state must live:
//   rules     stateless text rules and the classifier, wherever the input is;
//   velocity  per user (partitioned by userField), if enabled;
//   duplicate per normalised text (partitioned by its hash), if enabled.
// Reasons found so far travel between stages in a header; the last stage decides:
// no reason → `valid` with the value unchanged, else `spam` with `spamReasons`.
// Every review passes every stage, so a spam review still counts toward its user's velocity.
import { parseDuration } from '../../duration.ts';
import { NodeConfigError, type NodeEnvironment, type NodeFactory, type StageSpec } from '../../engine/node-implementation.ts';
import type { Operator, OperatorContext } from '../../engine/operator.ts';
import { fieldKey, partitionByField } from '../../engine/partitioning.ts';
import type { EngineRecord } from '../../engine/record.ts';
import { VERSION_HEADER } from '../source-kafka/implementation.ts';
import { parseModel } from './classifier.ts';
import type { SpamFilterConfig } from './declaration.ts';
import { type DuplicateTextOptions, duplicateTextKey, judgePosting } from './duplicate-text.ts';
import type { SpamReason } from './reason.ts';
import { TextSignals } from './signals.ts';
import { TextMemoryStore } from './text-memory.ts';
import { type ClassifierSetting, judgeText, reviewText } from './text-rules.ts';
import { type VelocityState, velocityStep } from './velocity.ts';

/** Carries the reasons found by earlier stages; removed before the record leaves the node. */
export const REASONS_HEADER = 'sluice.spam.reasons';
/** Carries the text's duplicate key and word count (`<key>:<words>`) from the rules stage, which has the text folded already, to the duplicate stage. */
export const TEXT_KEY_HEADER = 'sluice.spam.text';

// Most reviews are clean: a record with no reasons carries no header (an older version wrote "[]"), so a stage that
// finds nothing passes the record on as it came, with nothing to parse, copy or write.
function reasonsOf(record: EngineRecord): SpamReason[] {
  const carried = record.headers[REASONS_HEADER];
  return carried === undefined || carried === '' || carried === '[]' ? [] : (JSON.parse(carried) as SpamReason[]);
}

/** A copy of the headers with some set (a string) or removed (undefined). */
function changedHeaders(headers: Record<string, string>, changes: Record<string, string | undefined>): Record<string, string> {
  const changed = { ...headers };
  for (const name in changes) {
    const value = changes[name];
    if (value !== undefined) changed[name] = value;
    else if (name in changed) delete changed[name];
  }
  return changed;
}

const withHeaders = (record: EngineRecord, changes: Record<string, string | undefined>): EngineRecord => ({
  ...record,
  headers: changedHeaders(record.headers, changes),
});

/** The record with `added` after the reasons it carries; the record itself when nothing is added. */
function withReasons(record: EngineRecord, added: SpamReason[]): EngineRecord {
  if (added.length === 0) return record;
  const reasons = [...reasonsOf(record), ...added];
  return { ...record, headers: { ...record.headers, [REASONS_HEADER]: JSON.stringify(reasons) } };
}

const OWN_HEADERS_REMOVED = { [REASONS_HEADER]: undefined, [TEXT_KEY_HEADER]: undefined };

/** Each stage's own judgement of one review: the reasons it adds. */
type Judge = (record: EngineRecord, value: Record<string, unknown>, ctx: OperatorContext) => SpamReason[];

/** The step every judging stage takes: add its own reasons to those carried so far, and pass the record on. */
function judging(judge: Judge): Operator['process'] {
  return (record, ctx) => {
    ctx.emit('checked', record.value === null ? record : withReasons(record, judge(record, record.value, ctx)));
  };
}

function stage(name: string, judge: Judge, next: string, extra: Partial<StageSpec> = {}): StageSpec {
  return { name, ...extra, next: { checked: next }, create: () => ({ process: judging(judge) }) };
}

/** What the `latest` stage remembers of each review id: its newest version, and whether that one was valid. */
interface LatestVersion {
  version: number;
  /** A hash of the version's value: an identical resend changes nothing. */
  hash: string | null;
  valid: boolean;
}

/**
 * The last stage, partitioned by review id, decides valid or spam for the newest
 * version of each review only. Earlier stages partition by user and by text, so
 * two versions of one review can reach it out of order: the source offset (the
 * `reviews` topic is keyed by review id, so all versions share a partition) tells
 * which is newer, and an older one is dropped. A new version first retracts the
 * previous valid one (a tombstone on `valid`), so downstream tables and windows
 * never keep a stale version, also when the edit moved the review to another
 * course or made it spam.
 */
function latestStage(config: SpamFilterConfig, env: NodeEnvironment): StageSpec {
  return {
    name: 'latest',
    partitionBy: { ...partitionByField(config.idField), tombstones: 'by-record-key' },
    stores: [{ name: 'versions', doc: 'the newest version of each review id, and whether it was valid' }],
    create: () => ({
      process(record, ctx) {
        const id = record.value === null ? (record.key ?? null) : fieldKey(record, config.idField);
        const headers = changedHeaders(record.headers, OWN_HEADERS_REMOVED);
        const reasons = reasonsOf(record);
        if (id === null) {
          decide(record, headers, reasons, ctx);
          return;
        }
        const versions = ctx.stores.get('versions');
        const previous = versions.get(id) as LatestVersion | undefined;
        const version = Number(record.headers[VERSION_HEADER] ?? Number.NaN);
        const hash = record.value === null ? null : env.hashText(JSON.stringify(record.value));
        if (previous && Number.isFinite(version) && version <= previous.version) {
          ctx.drop('older-version');
          return;
        }
        if (previous && previous.hash === hash) {
          ctx.drop('identical-version');
          if (Number.isFinite(version)) versions.put(id, { ...previous, version });
          return;
        }
        const valid = record.value !== null && reasons.length === 0;
        versions.put(id, { version: Number.isFinite(version) ? version : (previous?.version ?? 0), hash, valid });
        // The side the previous version went to forgets it when this one goes to the other side, so either
        // output read as a table (the valid table, a compacted spam topic) never holds a review twice.
        const retraction = { key: id, value: null, timestamp: record.timestamp, headers };
        if (previous?.valid && record.value !== null) ctx.emit('valid', retraction);
        if (previous && !previous.valid && previous.hash !== null && valid) ctx.emit('spam', retraction);
        decide(record, headers, reasons, ctx);
      },
    }),
  };
}

function decide(record: EngineRecord, headers: Record<string, string>, reasons: SpamReason[], ctx: OperatorContext): void {
  if (record.value === null) {
    // A deleted review may have been either: both sides hear of the delete.
    ctx.emit('valid', { ...record, headers });
    ctx.emit('spam', { ...record, headers });
  } else if (reasons.length === 0) ctx.emit('valid', { ...record, headers });
  else ctx.emit('spam', { ...record, headers, value: { ...record.value, spamReasons: reasons } });
}

function classifierSetting(config: SpamFilterConfig, env: NodeEnvironment): ClassifierSetting {
  const { classifier } = config.rules;
  if (!classifier.enabled) return undefined;
  if (!env.readResource)
    throw new NodeConfigError(
      `the classifier needs its model file ${classifier.model}, and no files are available here`,
      '/rules/classifier/model',
    );
  let text: string;
  try {
    text = env.readResource(classifier.model);
  } catch (error) {
    throw new NodeConfigError(
      `cannot read the model ${classifier.model}: ${error instanceof Error ? error.message : String(error)}`,
      '/rules/classifier/model',
    );
  }
  const parsed = parseModel(text);
  if (!parsed.ok) throw new NodeConfigError(`${classifier.model}: ${parsed.message}`, '/rules/classifier/model');
  return { model: parsed.model, threshold: classifier.threshold };
}

/** The first stage: the stateless rules and the classifier; it also works out the text's duplicate key for the duplicate stage. */
function rulesStage(config: SpamFilterConfig, env: NodeEnvironment, next: string): StageSpec {
  const classifier = classifierSetting(config, env);
  const keyed = config.rules.duplicateText.enabled;
  return {
    name: 'rules',
    next: { checked: next },
    create: () => ({
      process(record, ctx) {
        // Reasons start here: a header of that name on the input came from outside and is not ours to believe.
        const spoofed = record.headers[REASONS_HEADER] !== undefined;
        if (record.value === null) {
          ctx.emit('checked', spoofed ? withHeaders(record, { [REASONS_HEADER]: undefined }) : record);
          return;
        }
        const signals = new TextSignals(reviewText(record.value, config.textFields));
        const reasons = judgeText(signals, config.rules, classifier);
        const found = keyed ? duplicateTextKey(signals) : undefined;
        if (reasons.length === 0 && found === undefined && !spoofed) {
          ctx.emit('checked', record);
          return;
        }
        const changes = {
          [REASONS_HEADER]: reasons.length > 0 ? JSON.stringify(reasons) : undefined,
          ...(found ? { [TEXT_KEY_HEADER]: `${found.key}:${found.words}` } : {}),
        };
        ctx.emit('checked', withHeaders(record, changes));
      },
    }),
  };
}

/** The duplicate key and word count the rules stage put in the header, or undefined (no words, or a delete). */
function carriedTextKey(record: EngineRecord): { key: string; words: number } | undefined {
  const carried = record.headers[TEXT_KEY_HEADER];
  if (carried === undefined) return undefined;
  const colon = carried.lastIndexOf(':');
  return { key: carried.slice(0, colon), words: Number(carried.slice(colon + 1)) };
}

const idOf = (record: EngineRecord, config: SpamFilterConfig) => fieldKey(record, config.idField) ?? record.key ?? `@${record.timestamp}`;

function velocityJudge(config: SpamFilterConfig): Judge {
  const withinMs = parseDuration(config.rules.velocity.within);
  if (withinMs === undefined) throw new NodeConfigError(`'${config.rules.velocity.within}' is not a duration`, '/rules/velocity/within');
  const options = { maxReviews: config.rules.velocity.maxReviews, withinMs };
  return (record, _value, ctx) => {
    const user = fieldKey(record, config.userField);
    if (user === null) return [];
    const users = ctx.stores.get('users');
    const step = velocityStep(
      users.get(user) as VelocityState | undefined,
      { id: idOf(record, config), eventTime: record.timestamp },
      options,
    );
    users.put(user, step.state);
    return step.reason ? [step.reason] : [];
  };
}

function duplicateOptions(config: SpamFilterConfig): DuplicateTextOptions {
  const { duplicateText } = config.rules;
  const rememberMs = parseDuration(duplicateText.remember);
  const withinMs = parseDuration(duplicateText.burst.within);
  if (rememberMs === undefined) throw new NodeConfigError(`'${duplicateText.remember}' is not a duration`, '/rules/duplicateText/remember');
  if (withinMs === undefined)
    throw new NodeConfigError(`'${duplicateText.burst.within}' is not a duration`, '/rules/duplicateText/burst/within');
  return { minWords: duplicateText.minWords, rememberMs, burst: { users: duplicateText.burst.users, withinMs } };
}

function duplicateStage(config: SpamFilterConfig, next: string): StageSpec {
  const options = duplicateOptions(config);
  return {
    name: 'duplicate',
    partitionBy: { by: { kind: 'derived', name: 'normalised review text' }, keyOf: (record) => carriedTextKey(record)?.key ?? null },
    stores: [{ name: 'texts', doc: `each text's last postings, forgotten ${config.rules.duplicateText.remember} after the last one` }],
    next: { checked: next },
    create: () => {
      let memory: TextMemoryStore | undefined;
      // When the next sweep is due; undefined while none is (nothing remembered yet, or everything forgotten).
      let nextSweep: number | undefined;
      const memoryOf = (ctx: OperatorContext) => {
        memory ??= new TextMemoryStore(ctx.stores.get('texts'), options.rememberMs);
        return memory;
      };
      const sweepAt = (ctx: OperatorContext, at: number | undefined) => {
        nextSweep = at;
        if (at !== undefined) ctx.schedule(at);
      };
      const judge: Judge = (record, _value, ctx) => {
        const found = carriedTextKey(record);
        if (found === undefined) return [];
        const { key } = found;
        const now = ctx.now();
        const posting = { id: idOf(record, config), user: fieldKey(record, config.userField), t: record.timestamp };
        const judgement = judgePosting(memoryOf(ctx).postsOf(key, now), posting, found.words, options);
        memoryOf(ctx).remember(key, judgement.posts, now);
        if (nextSweep === undefined) sweepAt(ctx, now + memoryOf(ctx).passMs);
        return judgement.reason ? [judgement.reason] : [];
      };
      return {
        // A restored store may hold texts (or an older version's entries): start sweeping it.
        open: (ctx) => sweepAt(ctx, ctx.stores.get('texts').size() > 0 ? ctx.now() + 1000 : undefined),
        process: judging(judge),
        onTimer: (_firedAt, ctx) => sweepAt(ctx, memoryOf(ctx).sweep(ctx.now())),
      };
    },
  };
}

export const spamFilterImplementation: NodeFactory<SpamFilterConfig> = {
  create({ config }, env) {
    const { velocity, duplicateText } = config.rules;
    const names = ['rules', ...(velocity.enabled ? ['velocity'] : []), ...(duplicateText.enabled ? ['duplicate'] : []), 'latest'];
    const nextAfter = (name: string) => names[names.indexOf(name) + 1] ?? 'latest';
    const stages: StageSpec[] = [rulesStage(config, env, nextAfter('rules'))];
    if (velocity.enabled) {
      stages.push(
        stage('velocity', velocityJudge(config), nextAfter('velocity'), {
          partitionBy: partitionByField(config.userField),
          stores: [{ name: 'users', doc: "each user's most recent reviews" }],
        }),
      );
    }
    if (duplicateText.enabled) stages.push(duplicateStage(config, nextAfter('duplicate')));
    stages.push(latestStage(config, env));
    return { kind: 'operators', stages };
  },
};
