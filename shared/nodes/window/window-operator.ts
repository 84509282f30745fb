// The window node's state logic, pure: no timers, no I/O, the clock passed in.
// The engine calls apply() per record and advance() when nextDeadline() is due,
// emits the returned changes, dead-letters `late`, and writes drainChangelog().
//
// Time. The operator clock is the largest `now` it has been given (a clock that
// steps back never un-expires anything). A key is brought to the clock lazily:
// when a record touches it, when its deadline is due, or virtually by read().
//
// What "late" means per window kind, chosen so the stream equals the batch SQL:
// - all-time: nothing is late; a record of any age counts once its event time is
//   <= now (future-dated records, at most 5 minutes ahead, count when due).
// - sliding: nothing is late either; a record already older than the window at
//   arrival never enters it (the batch would not count it there) but counts in
//   all-time; an edit of such an old record still moves all-time exactly.
// - tumbling/hopping: an instance closes when the clock reaches end + allowedLateness;
//   a record falling into a closed instance is late for it and reported.
//   Because the clock is wall time, replaying old history into bucketed windows
//   makes it late unless allowedLateness covers its age.
import { AppendOnlyRows } from './append-only-rows.ts';
import { DeadlineHeap } from './deadline-heap.ts';
import type { KeyState } from './key-state.ts';
import { KeyStates } from './key-states.ts';
import { compareRows, type Row, sameContribution } from './row.ts';
import { MemoryRowTable, type RowTable, rowEntry } from './row-table.ts';
import { extractValues } from './tracked-fields.ts';
import type { WindowChangelogEntry } from './window-changelog.ts';
import type { ResolvedWindowConfig } from './window-config.ts';
import type { WindowInput } from './window-input.ts';
import { layoutOf, type WindowLayout } from './window-layout.ts';
import { type ApplyResult, type LateRecord, sameFigures, type WindowChange, type WindowOutput } from './window-output.ts';

export class WindowOperator {
  private readonly layout: WindowLayout;
  private readonly keys: KeyStates;
  private readonly deadlines = new DeadlineHeap();
  private readonly appendOnly: AppendOnlyRows;
  /** Keys whose settled totals changed since the last drain. */
  private readonly dirtySettled = new Set<string>();
  private clock = Number.NEGATIVE_INFINITY;
  private sequence = 0;
  private needsRebuild = false;

  /** `rows` is the upsert table: in memory unless the caller keeps it elsewhere (the engine: in the node's store). */
  constructor(
    config: ResolvedWindowConfig,
    private readonly rows: RowTable = new MemoryRowTable(),
  ) {
    this.layout = layoutOf(config);
    this.keys = new KeyStates(this.layout);
    this.appendOnly = new AppendOnlyRows(this.layout);
  }

  apply(input: WindowInput, now: number): ApplyResult {
    const at = this.tick(now);
    const id = input.kind === 'delete' ? input.id : (input.id ?? `#${this.sequence++}`);
    const previous = this.rows.get(id);
    const next = input.kind === 'upsert' ? this.rowOf(id, input) : undefined;
    if (!previous && !next) return { changes: [] };
    if (previous && next && sameContribution(previous, next)) return { changes: [] };

    const touched = new Map<string, { state: KeyState; before: WindowOutput | null; instances: Map<string, WindowChange> }>();
    const changes: WindowChange[] = [];
    const enter = (key: string) => {
      const existing = touched.get(key);
      if (existing) return existing;
      const state = this.keys.get(key) ?? this.keys.create(key, at);
      const entry = { state, before: this.figures(state), instances: new Map<string, WindowChange>() };
      changes.push(...state.advanceTo(at));
      touched.set(key, entry);
      return entry;
    };
    if (previous) {
      const { state, instances } = enter(previous.key);
      state.timeline.retract(previous);
      for (const ref of state.bucketed.retract(previous)) instances.set(`${ref.window}:${ref.start}`, state.instanceChange(ref, at));
    }
    let late: LateRecord | undefined;
    if (next) {
      const { state, instances } = enter(next.key);
      // The key's own string, not the record's copy: the in-memory row table and the append-only queue keep rows.
      const row = withKey(next, state.key);
      state.timeline.insert(row);
      const { touched: refs, lateFor } = state.bucketed.insert(row, at);
      for (const ref of refs) instances.set(`${ref.window}:${ref.start}`, state.instanceChange(ref, at));
      if (lateFor.length > 0) late = { id, key: row.key, eventTime: row.t, windows: lateFor };
      this.rows.set(row);
      if (row.appendOnly) this.appendOnly.track(row);
    } else this.rows.delete(id);

    for (const { state, before, instances } of touched.values()) {
      changes.push(...instances.values());
      this.settle(state, before, changes);
    }
    return late ? { changes, late } : { changes };
  }

  /** Expiry and admission by time alone: every key whose deadline is <= now. */
  advance(now: number): WindowChange[] {
    const at = this.tick(now);
    const changes: WindowChange[] = [];
    for (const key of this.deadlines.popDue(at)) {
      const state = this.keys.held(key);
      if (!state) continue;
      const before = this.figures(state);
      changes.push(...state.advanceTo(at));
      this.settle(state, before, changes);
    }
    return changes;
  }

  /** The key's figures exactly as of `now` (or as of the key's own time if that is later), without changing state. */
  read(key: string, now: number): WindowOutput | undefined {
    this.rebuildIfRestored();
    const state = this.keys.peek(key);
    if (!state) return undefined;
    const at = Math.max(now, state.timeline.asOf);
    const deadline = state.timeline.nextDeadline();
    // Nothing due by `at`: the figures are those held, only asOf moves.
    if (deadline === undefined || deadline > at) return this.withAsOf(state.continuousOutput(), at);
    const timeline = state.timeline.whatIf();
    timeline.advanceTo(at, false);
    return state.continuousOutput(timeline) ?? undefined;
  }

  /** The open bucketed instances of a key, as of the key's last update. */
  readInstances(key: string, now: number): WindowOutput[] {
    this.rebuildIfRestored();
    const state = this.keys.held(key); // a packed key has no open instance
    if (!state) return [];
    const outputs: WindowOutput[] = [];
    state.bucketed.open.forEach((instances, window) => {
      for (const start of [...instances.keys()].sort((a, b) => a - b)) {
        const output = state.instanceOutput({ window, start }, Math.max(now, state.timeline.asOf));
        if (output) outputs.push(output);
      }
    });
    return outputs;
  }

  /** When the engine should call advance() next, if ever. */
  nextDeadline(): number | undefined {
    this.rebuildIfRestored();
    return this.deadlines.peek();
  }

  /** The keys the per-key output knows, for listing state (HTTP, tests). */
  keyNames(): string[] {
    this.rebuildIfRestored();
    return this.keys.names();
  }

  /** packedKeys: how many of the keys are held as packed all-time numbers (packed-keys.ts), not as objects. */
  stats(): { keys: number; packedKeys: number; rows: number; heldRows: number } {
    let heldRows = 0;
    for (const state of this.keys.objectStates()) heldRows += state.timeline.heldRows;
    return { keys: this.keys.size, packedKeys: this.keys.packedSize, rows: this.rows.size(), heldRows };
  }

  /** The entries written since the last drain, for the changelog of this task. */
  drainChangelog(): WindowChangelogEntry[] {
    this.keys.packSettled();
    if (!this.needsRebuild) this.rows.advanceIndex?.(this.heldFrom());
    const entries = this.rows.drainChanges();
    for (const key of this.dirtySettled) entries.push(...this.settledEntry(key));
    this.dirtySettled.clear();
    entries.push({ kind: 'clock', now: this.clock, sequence: this.sequence });
    return entries;
  }

  /** The whole state as entries (a snapshot, e.g. for a fresh changelog). */
  exportEntries(): WindowChangelogEntry[] {
    const entries: WindowChangelogEntry[] = [...this.rows.rows()].map((row) => rowEntry(row.id, row));
    for (const key of this.appendOnly.settled.keys()) entries.push(...this.settledEntry(key));
    entries.push({ kind: 'clock', now: this.clock, sequence: this.sequence });
    return entries;
  }

  /** Restore, in any order: the per-key state is rebuilt from the rows on first use. */
  applyChangelogEntry(entry: WindowChangelogEntry): void {
    this.needsRebuild = true;
    if (entry.kind === 'clock') {
      this.clock = Math.max(this.clock, entry.now);
      this.sequence = Math.max(this.sequence, entry.sequence);
    } else if (entry.kind === 'settled') this.appendOnly.restore(entry.key, entry.totals);
    else this.rows.restore(entry.id, entry.row && { id: entry.id, ...entry.row });
  }

  /** The row table was filled from outside (a restore into the node's store): rebuild the keys from it on first use. */
  invalidate(): void {
    this.needsRebuild = true;
  }

  private settledEntry(key: string): WindowChangelogEntry[] {
    const totals = this.appendOnly.settled.get(key);
    return totals ? [{ kind: 'settled', key, totals: totals.snapshot() }] : [];
  }

  private rowOf(id: string, input: Extract<WindowInput, { kind: 'upsert' }>): Row {
    const values = extractValues(this.layout.tracked, input.value);
    const row = { id, key: input.key, t: input.eventTime, values };
    return input.id === undefined ? { ...row, appendOnly: true } : row;
  }

  /** Append-only rows no window but all-time can need any more leave the table (see append-only-rows.ts). */
  private settleAppendOnly(state: KeyState): void {
    const settled = this.appendOnly.settle(state.key, state.timeline.asOf);
    if (settled.length === 0) return;
    this.dirtySettled.add(state.key);
    for (const row of settled) this.rows.delete(row.id);
  }

  private tick(now: number): number {
    this.rebuildIfRestored();
    this.clock = Math.max(this.clock, now);
    return this.clock;
  }

  /** The per-key output before a change, to tell whether the change moved any figure. */
  private figures(state: KeyState): WindowOutput | null {
    return this.layout.continuous.length > 0 ? state.continuousOutput() : null;
  }

  private settle(state: KeyState, before: WindowOutput | null, changes: WindowChange[]): void {
    if (this.layout.continuous.length > 0) {
      const after = state.continuousOutput();
      if (!sameFigures(before, after)) changes.push({ kind: 'key', key: state.key, output: after });
    }
    this.settleAppendOnly(state);
    if (state.isEmpty()) {
      this.keys.delete(state.key);
      this.deadlines.set(state.key, undefined);
    } else this.deadlines.set(state.key, state.nextDeadline());
    this.keys.settled(state);
  }

  private rebuildRow(row: Row): void {
    const state = this.keys.get(row.key) ?? this.keys.create(row.key, this.clock);
    state.timeline.insert(row);
    if (this.layout.bucketed.length > 0) state.bucketed.insert(row, this.clock);
    if (row.appendOnly) this.appendOnly.track(row);
  }

  /**
   * A row no window but all-time will ever see (older than every sliding window, no bucketed window, an id
   * so it never settles) counts straight into its key's packed figures: a restore builds no object per key.
   */
  private rebuildAllTimeOnly(row: Row, heldFrom: number): boolean {
    if (row.t > heldFrom || row.appendOnly || this.layout.bucketed.length > 0) return false;
    return this.keys.countAllTimeOnly(row.key, this.clock, row.values);
  }

  /** Rows at or before this are in no sliding window, and never will be again: the clock never steps back. */
  private heldFrom(): number {
    return this.clock - Math.max(0, ...this.layout.slidingSizes);
  }

  private withAsOf(output: WindowOutput | null, at: number): WindowOutput | undefined {
    return output ? { ...output, asOf: new Date(at).toISOString() } : undefined;
  }

  /**
   * Rows no sliding window holds any more only add to all-time, in any order, and are not kept;
   * the rest are sorted by time first, so rebuilding a key appends instead of splicing.
   * A table with an index (row-index.ts) hands over the old rows' totals per key, so only the
   * rows a window may still hold are read; without one every row is, and the index is built.
   */
  private rebuildIfRestored(): void {
    if (!this.needsRebuild) return;
    this.needsRebuild = false;
    this.keys.clear();
    this.appendOnly.clear();
    for (const [key, totals] of this.appendOnly.settled) this.keys.create(key, this.clock).timeline.allTime.absorb(totals.snapshot());
    const heldFrom = this.heldFrom();
    const indexed = this.rows.openIndex?.(heldFrom);
    const builder = indexed ? undefined : this.rows.buildIndex?.(heldFrom);
    for (const [key, totals] of indexed?.aged ?? []) {
      (this.keys.get(key) ?? this.keys.create(key, this.clock)).timeline.allTime.absorb(totals);
    }
    const held: Row[] = [];
    for (const row of indexed?.live ?? this.rows.rows()) {
      builder?.add(row);
      if (row.t > heldFrom) held.push(row);
      else if (!this.rebuildAllTimeOnly(row, heldFrom)) this.rebuildRow(row);
    }
    builder?.finish();
    for (const row of held.sort(compareRows)) this.rebuildRow(row);
    for (const state of this.keys.objectStates()) {
      this.deadlines.set(state.key, state.nextDeadline());
      this.settleAppendOnly(state);
      this.keys.settled(state);
    }
    this.keys.packSettled();
  }
}

/** The row with `key` (equal to its own) as its key string: a copy, since rows are read-only. */
function withKey(row: Row, key: string): Row {
  const { id, t, values } = row;
  return row.appendOnly ? { id, key, t, values, appendOnly: true } : { id, key, t, values };
}
