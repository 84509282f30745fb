// window: adapts the pure WindowOperator (window-operator.ts, beside this file)
// to the engine. The operator's upsert table lives in the `rows` store (on disk
// with the Kafka driver) and its other entries (settled totals, the clock) are
// mirrored there too, so the engine writes them all to the changelog in the
// batch's transaction and a restored task rebuilds from them.
// Expiry falls on wall-clock timers, so the 90-day figures move when input is quiet.
import { parseDuration } from '../../duration.ts';
import { NodeConfigError, type NodeFactory } from '../../engine/node-implementation.ts';
import type { OperatorContext } from '../../engine/operator.ts';
import { partitionByField } from '../../engine/partitioning.ts';
import { type EngineRecord, EVENT_TIME_HEADER } from '../../engine/record.ts';
import { RecordError } from '../../engine/record-error.ts';
import type { KeyValueStore } from '../../engine/store.ts';
import { LATE_PORT, type WindowConfig } from './declaration.ts';
import { StoreRowTable } from './store-row-table.ts';
import { changelogKey, parseChangelogEntry } from './window-changelog.ts';
import { resolveWindowConfig } from './window-config.ts';
import { toWindowInput, type WindowInput } from './window-input.ts';
import { layoutOf } from './window-layout.ts';
import { WindowOperator } from './window-operator.ts';
import type { WindowChange } from './window-output.ts';

const ROWS = 'rows';
export const WINDOW_HEADERS = { window: 'sluice.window', start: 'sluice.window.start', closed: 'sluice.window.closed' } as const;

/** The latest event time the window applied: what its figures are as of in event time (kept with its rows). */
const EVENT_TIME = 'event-time';

/**
 * A key change keys its record by the window key; an instance by key, window and start, so instances never overwrite
 * each other. Each says the latest event time the window has applied (EVENT_TIME_HEADER), when it knows one.
 */
export function recordOfChange(change: WindowChange, now: number, eventTime?: number): EngineRecord {
  const asOf: Record<string, string> = eventTime === undefined ? {} : { [EVENT_TIME_HEADER]: new Date(eventTime).toISOString() };
  if (change.kind === 'key') return { key: change.key, value: change.output, timestamp: now, headers: asOf };
  const headers: Record<string, string> = {
    ...asOf,
    [WINDOW_HEADERS.window]: change.window,
    [WINDOW_HEADERS.start]: new Date(change.windowStart).toISOString(),
  };
  if (change.kind === 'instance-closed') headers[WINDOW_HEADERS.closed] = 'true';
  return { key: `${change.key}|${change.window}|${change.windowStart}`, value: change.output, timestamp: now, headers };
}

function persist(operator: WindowOperator, ctx: OperatorContext): void {
  const rows = ctx.stores.get(ROWS);
  for (const entry of operator.drainChangelog()) {
    if (entry.kind === 'row' && entry.row === null) rows.delete(changelogKey(entry));
    else rows.put(changelogKey(entry), entry);
  }
  const due = operator.nextDeadline();
  if (due !== undefined) ctx.schedule(due);
}

/** The rows stay in the store, where the operator reads them; the clock and settled totals are loaded. */
function entriesBesidesRows(store: KeyValueStore): unknown[] {
  const clock = store.get('clock');
  const settled = [...store.range('settled:', 'settled;')].map(([, value]) => value);
  return clock === undefined ? settled : [clock, ...settled];
}

/** An input that changed no figure: a future-dated record waits in state for its time; anything else changed nothing. */
function settleUnchanged(input: WindowInput, now: number, ctx: OperatorContext): void {
  // A delete of an id with no row here: a copy of a broadcast delete whose row another partition holds, say.
  if (input.kind === 'delete') ctx.drop('tombstone-ignored');
  else if (input.eventTime > now) ctx.hold('future-dated');
  else ctx.drop('identical-version'); // an edit of fields the window does not count
}

export const windowImplementation: NodeFactory<WindowConfig> = {
  create({ config }) {
    const resolved = resolveWindowConfig(config, parseDuration);
    if (!resolved.ok) throw new NodeConfigError(resolved.message, '/windows');
    const fields = { keyField: config.keyField, eventTimeField: config.eventTimeField, idField: config.idField };
    const partitionBy = {
      ...partitionByField(config.keyField),
      tombstones: config.idField ? ('broadcast' as const) : ('by-record-key' as const),
    };
    return {
      kind: 'operators',
      stages: [
        {
          name: 'window',
          partitionBy,
          stores: [{ name: ROWS, doc: 'the current version of every record in a window, and the operator clock' }],
          create: () => {
            let operator: WindowOperator;
            return {
              open(ctx) {
                const store = ctx.stores.get(ROWS);
                const unreadable = (message: string) =>
                  ctx.log.warn('unreadable window changelog entry skipped', { node: ctx.node, message });
                // Bucketed instances need every row of their time range, so only layouts without them keep an index.
                const layout = layoutOf(resolved.config);
                const index = layout.bucketed.length === 0 ? layout.tracked : undefined;
                operator = new WindowOperator(resolved.config, new StoreRowTable(store, unreadable, index));
                for (const stored of entriesBesidesRows(store)) {
                  const parsed = parseChangelogEntry(stored);
                  if (parsed.ok) operator.applyChangelogEntry(parsed.entry);
                  else unreadable(parsed.message);
                }
                operator.invalidate();
                const due = operator.nextDeadline();
                if (due !== undefined) ctx.schedule(due);
              },
              process(record, ctx) {
                const input = toWindowInput(record, fields);
                if (!input.ok) throw new RecordError('window-input', input.reason);
                const now = ctx.now();
                const { changes, late } = operator.apply(input.input, now);
                const store = ctx.stores.get(ROWS);
                const applied = store.get(EVENT_TIME);
                const latest =
                  input.input.kind === 'upsert'
                    ? Math.max(input.input.eventTime, typeof applied === 'number' ? applied : -Infinity)
                    : applied;
                if (typeof latest === 'number' && latest !== applied) store.put(EVENT_TIME, latest);
                for (const change of changes) ctx.emit('out', recordOfChange(change, now, typeof latest === 'number' ? latest : undefined));
                if (late && ctx.isWired(LATE_PORT)) ctx.emit(LATE_PORT, record);
                else if (late) ctx.deadLetter(record, 'late', `too late for ${late.windows.join(', ')}`);
                else if (changes.length === 0) settleUnchanged(input.input, now, ctx);
                persist(operator, ctx);
              },
              onTimer(_firedAt, ctx) {
                const now = ctx.now();
                const applied = ctx.stores.get(ROWS).get(EVENT_TIME);
                for (const change of operator.advance(now))
                  ctx.emit('out', recordOfChange(change, now, typeof applied === 'number' ? applied : undefined));
                persist(operator, ctx);
              },
            };
          },
        },
      ],
    };
  },
};
