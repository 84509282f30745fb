// Holding a window's output against its batch SQL: the figures per key the query gives, those the stream keeps (a
// table, or the latest record per key of a topic), and each key where they differ. A key the stream does not list
// has no figures (count 0, sum 0, the others null): the window deletes a key whose rows are all gone.
import type pg from 'pg';
import type { BatchFigure, WindowBatch } from './window-batch.ts';
import { ident } from './window-batch.ts';

/** Per key, figure column → value. */
export type Figures = Map<string, Record<string, number | null>>;

export interface FigureDifference {
  key: string;
  /** Where the stream's figures are: `table product_stats`, `topic sluice.ratings.view`. */
  where: string;
  /** Window.aggregate → [stream, batch], for the figures that differ. */
  figures: Record<string, [number | null, number | null]>;
}

const TOLERANCE = 1e-9;

const asNumber = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

export async function batchFigures(db: pg.Pool | pg.Client, batch: WindowBatch, asOf: Date): Promise<Figures> {
  const { rows } = await db.query<Record<string, unknown>>(batch.sql, [asOf.toISOString()]);
  return new Map(
    rows.map((row) => [String(row.key), Object.fromEntries(batch.figures.map((figure) => [figure.column, asNumber(row[figure.column])]))]),
  );
}

/** The figures in one output record (a window's: `{ [keyField], [window]: { [aggregate]: value } }`). */
export function figuresOfRecord(value: unknown, batch: WindowBatch): Record<string, number | null> {
  const record = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  return Object.fromEntries(
    batch.figures.map((figure) => {
      const window = record[figure.window];
      const figures = (typeof window === 'object' && window !== null ? window : {}) as Record<string, unknown>;
      return [figure.column, asNumber(figures[figure.aggregate])];
    }),
  );
}

/** The figures the stream keeps in a table a sink.postgres writes from the window's output. */
export async function tableFigures(
  db: pg.Pool | pg.Client,
  batch: WindowBatch,
  output: Extract<WindowBatch['outputs'][number], { kind: 'table' }>,
): Promise<Figures> {
  const columns = Object.entries(output.columns);
  const { rows } = await db.query<Record<string, unknown>>(
    `SELECT ${ident(output.keyColumn)}::text AS key${columns.map(([window, column]) => `, ${ident(column)} AS ${ident(window)}`).join('')} FROM ${ident(output.table)}`,
  );
  return new Map(rows.map((row) => [String(row.key), figuresOfRecord(row, batch)]));
}

const noFigures = (figure: BatchFigure) => (figure.fn === 'count' || figure.fn === 'sum' ? 0 : null);

function same(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(b));
}

export function compareFigures(where: string, batch: WindowBatch, stream: Figures, expected: Figures): FigureDifference[] {
  const differences: FigureDifference[] = [];
  for (const key of [...new Set([...stream.keys(), ...expected.keys()])].sort()) {
    const figures: FigureDifference['figures'] = {};
    for (const figure of batch.figures) {
      const s = stream.get(key)?.[figure.column] ?? noFigures(figure);
      const b = expected.get(key)?.[figure.column] ?? noFigures(figure);
      if (!same(s, b)) figures[`${figure.window}.${figure.aggregate}`] = [s, b];
    }
    if (Object.keys(figures).length > 0) differences.push({ key, where, figures });
  }
  return differences;
}
