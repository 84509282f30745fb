// Drives a WindowOperator the way the engine would (timers fired at each due
// deadline, changes folded into a materialized view, changelog entries compacted
// by key) next to a plain list of current rows for the batch oracle.
import { assertNever } from '../../engine/assert-never.ts';
import { type OracleRow, oracleInstances, oracleOutputs } from './batch-oracle.ts';
import { changelogKey, type WindowChangelogEntry } from './window-changelog.ts';
import type { ResolvedWindowConfig } from './window-config.ts';
import type { WindowInput } from './window-input.ts';
import { WindowOperator } from './window-operator.ts';
import type { WindowChange, WindowOutput } from './window-output.ts';

export type Step =
  /** eventOffset: the record's event time relative to the clock when it arrives. */
  | { op: 'upsert'; id: string; key: string; eventOffset: number; value: Record<string, unknown> }
  /** A record without an id: append-only, never edited or deleted. */
  | { op: 'append'; key: string; eventOffset: number; value: Record<string, unknown> }
  | { op: 'delete'; id: string }
  | { op: 'duplicate'; id: string }
  | { op: 'advance'; by: number };

export class Harness {
  readonly operator: WindowOperator;
  readonly rows = new Map<string, OracleRow>();
  /** What a consumer of the output topic would hold, per key. */
  readonly view = new Map<string, WindowOutput>();
  readonly changelog = new Map<string, WindowChangelogEntry>();
  clock: number;
  private appended = 0;

  constructor(
    readonly config: ResolvedWindowConfig,
    start: number,
    private readonly onInstant: (harness: Harness, at: number) => void = () => {},
  ) {
    this.operator = new WindowOperator(config);
    this.clock = start;
  }

  run(step: Step): void {
    switch (step.op) {
      case 'upsert': {
        const row = { id: step.id, key: step.key, eventTime: this.clock + step.eventOffset, value: step.value };
        this.apply({ kind: 'upsert', ...row });
        this.rows.set(step.id, row);
        break;
      }
      case 'append': {
        const row = { id: `appended-${this.appended++}`, key: step.key, eventTime: this.clock + step.eventOffset, value: step.value };
        this.apply({ kind: 'upsert', key: row.key, eventTime: row.eventTime, value: row.value });
        this.rows.set(row.id, row);
        break;
      }
      case 'delete':
        this.apply({ kind: 'delete', id: step.id });
        this.rows.delete(step.id);
        break;
      case 'duplicate': {
        const row = this.rows.get(step.id);
        if (row) this.apply({ kind: 'upsert', id: row.id, key: row.key, eventTime: row.eventTime, value: row.value });
        break;
      }
      case 'advance':
        this.advanceTo(this.clock + step.by);
        break;
      default:
        assertNever(step, 'step');
    }
    this.drain();
  }

  /** Fires every timer on the way, as the engine would, checking the view at each instant it fires. */
  advanceTo(target: number): void {
    for (let due = this.operator.nextDeadline(); due !== undefined && due <= target; due = this.operator.nextDeadline()) {
      this.clock = Math.max(this.clock, due);
      this.fold(this.operator.advance(this.clock));
      this.onInstant(this, this.clock);
    }
    this.clock = target;
    this.fold(this.operator.advance(target));
  }

  expectedOutputs(at: number): Map<string, WindowOutput> {
    return oracleOutputs([...this.rows.values()], this.config, at);
  }

  expectedInstances(at: number): Map<string, WindowOutput[]> {
    return oracleInstances([...this.rows.values()], this.config, at);
  }

  restored(): WindowOperator {
    const copy = new WindowOperator(this.config);
    for (const entry of this.changelog.values()) copy.applyChangelogEntry(JSON.parse(JSON.stringify(entry)));
    return copy;
  }

  private apply(input: WindowInput): void {
    this.fold(this.operator.apply(input, this.clock).changes);
  }

  private drain(): void {
    for (const entry of this.operator.drainChangelog()) this.changelog.set(changelogKey(entry), entry);
  }

  private fold(changes: WindowChange[]): void {
    for (const change of changes) {
      if (change.kind !== 'key') continue;
      if (change.output) this.view.set(change.key, change.output);
      else this.view.delete(change.key);
    }
  }
}

/** Drops asOf, which says when a figure was computed, not what it is. */
export function figuresOf(output: WindowOutput | undefined): unknown {
  if (!output) return undefined;
  const { asOf: _asOf, ...figures } = output;
  return figures;
}

/** Deep equality with numbers compared to 1e-9 (relative beyond 1). Returns a path on mismatch. */
export function mismatch(actual: unknown, expected: unknown, path = ''): string | undefined {
  if (typeof expected === 'number' && typeof actual === 'number') {
    return Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected)) ? undefined : `${path}: ${actual} != ${expected}`;
  }
  if (!isRecord(expected) || !isRecord(actual)) {
    return Object.is(actual, expected) ? undefined : `${path}: ${JSON.stringify(actual)} != ${JSON.stringify(expected)}`;
  }
  const keys = new Set([...Object.keys(actual), ...Object.keys(expected)]);
  for (const key of keys) {
    const found = mismatch(actual[key], expected[key], `${path}/${key}`);
    if (found) return found;
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
