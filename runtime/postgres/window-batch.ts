// The nightly batch of any window, as SQL: given a pipeline and one of its windows, the PostgreSQL table that keeps
// the window's input (a sink.postgres fed by the same port), and one query over it that computes every figure of the
// window's continuous windows as of a moment: GROUP BY the window's key, all-time over the rows with an event time
// up to then, a sliding window as a FILTER on the event time. `sluice batch` prints it, `sluice verify` holds the
// stream against it. Bucketed windows (tumbling, hopping) are reported as not verified.
import { type ConfigOf, outputsWrittenBy, type Pipeline, type PipelineNode, parseDuration } from '../../shared/index.ts';
import type { RecordSchema } from '../../shared/records/record-schema.ts';
import { fieldOf } from '../../shared/records/schema-fields.ts';
import { recordFlow } from '../../shared/validation/record-flow.ts';

type WindowConfig = ConfigOf<'window'>;
type Aggregate = WindowConfig['aggregates'][number];

/** One figure the query computes: a column of its result. */
export interface BatchFigure {
  window: string;
  aggregate: string;
  fn: Aggregate['fn'];
  column: string;
}

/** Where the stream keeps the window's output, to be compared with the batch. */
export type StreamOutput =
  | { kind: 'table'; node: string; table: string; keyColumn: string; columns: Record<string, string> }
  | { kind: 'topic'; node: string; topic: string };

export interface WindowBatch {
  pipelineId: string;
  window: string;
  keyField: string;
  /** The table the query reads (a sink.postgres on the window's input port). */
  inputTable: string;
  sql: string;
  figures: BatchFigure[];
  /** Windows the batch does not cover. */
  notVerified: string[];
  outputs: StreamOutput[];
  /** Things that may make the two differ for reasons other than a bug, said up front. */
  notes: string[];
}

export const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

const nodeOf = (pipeline: Pipeline, id: string) => pipeline.nodes.find((node) => node.id === id);

/** Field → column of a sink.postgres: its columns mapping turned round, or the field's own name. */
function columnOf(sink: ConfigOf<'sink.postgres'>, field: string): string | undefined {
  if (!sink.columns) return field;
  return Object.entries(sink.columns).find(([, mapped]) => mapped === field)?.[0];
}

function eventTimeExpression(column: string, input: RecordSchema | undefined, field: string): string {
  const schema = input ? fieldOf(input, field) : undefined;
  if (schema?.type === 'number' || schema?.type === 'integer') return `to_timestamp(${ident(column)} / 1000.0)`;
  return `${ident(column)}::timestamptz`;
}

function aggregateSql(aggregate: Aggregate, value: string | undefined, filter: string): string {
  const where = filter ? ` FILTER (WHERE ${filter})` : '';
  if (aggregate.fn === 'count') return `count(*)${where}`;
  // The window follows SQL but for one thing: a sum over no values is 0 (SQL says NULL).
  if (aggregate.fn === 'sum') return `COALESCE(sum(${value})${where}, 0)`;
  return `${aggregate.fn}(${value})${where}`;
}

function outputsOf(pipeline: Pipeline, window: PipelineNode): StreamOutput[] {
  const config = window.config as WindowConfig;
  return pipeline.edges
    .filter((edge) => edge.from.node === window.id && edge.from.port === 'out')
    .flatMap((edge): StreamOutput[] => {
      const target = nodeOf(pipeline, edge.to.node);
      if (target?.type === 'sink.postgres') {
        const keyColumn = columnOf(target.config, config.keyField);
        if (!keyColumn) return [];
        const columns = Object.fromEntries(
          config.windows.flatMap((spec) => {
            const column = columnOf(target.config, spec.name);
            return column ? [[spec.name, column]] : [];
          }),
        );
        return [{ kind: 'table', node: target.id, table: target.config.table, keyColumn, columns }];
      }
      if (target?.type === 'view.http') {
        const [written] = outputsWrittenBy(target, pipeline);
        return written ? [{ kind: 'topic', node: target.id, topic: written.name }] : [];
      }
      if (target?.type === 'sink.kafka' && target.config.compacted) return [{ kind: 'topic', node: target.id, topic: target.config.topic }];
      return [];
    });
}

export function planWindowBatch(pipeline: Pipeline, windowId?: string): { ok: true; batch: WindowBatch } | { ok: false; message: string } {
  const windows = pipeline.nodes.filter((node) => node.type === 'window');
  const window = windowId === undefined ? windows[0] : windows.find((node) => node.id === windowId);
  if (!window || (windowId === undefined && windows.length !== 1))
    return {
      ok: false,
      message:
        windowId === undefined
          ? `name the window with --window (the pipeline has ${windows.length === 0 ? 'none' : windows.map((node) => node.id).join(', ')})`
          : `pipeline ${pipeline.id} has no window '${windowId}' (its windows: ${windows.map((node) => node.id).join(', ') || 'none'})`,
    };
  const config = window.config as WindowConfig;
  const inputs = pipeline.edges.filter((edge) => edge.to.node === window.id);
  const [input] = inputs;
  if (!input || inputs.length > 1)
    return { ok: false, message: `the window '${window.id}' must be fed by exactly one edge to be verified` };
  const tables = pipeline.edges
    .filter((edge) => edge.from.node === input.from.node && edge.from.port === input.from.port)
    .flatMap((edge) => {
      const node = nodeOf(pipeline, edge.to.node);
      return node?.type === 'sink.postgres' ? [node] : [];
    });
  const sink = tables[0];
  if (!sink)
    return {
      ok: false,
      message: `no sink.postgres keeps the window's input: connect one to ${input.from.node}.${input.from.port}, beside the window, so the batch has the records`,
    };
  const column = (field: string) => columnOf(sink.config, field);
  const needed = [
    config.keyField,
    config.eventTimeField,
    ...config.aggregates.flatMap((aggregate) => (aggregate.fn === 'count' ? [] : [aggregate.field])),
  ];
  const unmapped = needed.filter((field) => column(field) === undefined);
  if (unmapped.length > 0)
    return {
      ok: false,
      message: `the table ${sink.config.table} has no column for ${unmapped.join(', ')} (its columns mapping leaves them out)`,
    };

  const flow = recordFlow(pipeline);
  const eventTime = eventTimeExpression(column(config.eventTimeField) ?? '', flow.input(window.id), config.eventTimeField);
  const values = [...new Set(config.aggregates.flatMap((aggregate) => (aggregate.fn === 'count' ? [] : [aggregate.field])))];
  const valueColumn = (field: string) => `v${values.indexOf(field)}`;
  const figures: BatchFigure[] = [];
  const selects: string[] = [];
  const notVerified: string[] = [];
  config.windows.forEach((spec, w) => {
    if (spec.type === 'tumbling' || spec.type === 'hopping') {
      notVerified.push(`${spec.name} (${spec.type})`);
      return;
    }
    const size = spec.type === 'sliding' ? parseDuration(spec.size) : undefined;
    const filter = size === undefined ? '' : `event_time > $1::timestamptz - interval '${size} milliseconds'`;
    config.aggregates.forEach((aggregate, a) => {
      const name = `w${w}_a${a}`;
      selects.push(`${aggregateSql(aggregate, aggregate.fn === 'count' ? undefined : valueColumn(aggregate.field), filter)} AS ${name}`);
      figures.push({ window: spec.name, aggregate: aggregate.name, fn: aggregate.fn, column: name });
    });
  });
  const sql = [
    'WITH rows AS (',
    `  SELECT ${ident(column(config.keyField) ?? '')}::text AS key, ${eventTime} AS event_time${values.map((field) => `, ${ident(column(field) ?? '')} AS ${valueColumn(field)}`).join('')}`,
    `  FROM ${ident(sink.config.table)}`,
    `  WHERE ${eventTime} <= $1::timestamptz`,
    ')',
    `SELECT key${selects.map((select) => `,\n       ${select}`).join('')}`,
    'FROM rows',
    'GROUP BY key',
    'ORDER BY key',
  ].join('\n');

  const notes: string[] = [];
  const idColumn = config.idField === undefined ? undefined : column(config.idField);
  if (config.idField !== undefined && (sink.config.mode !== 'upsert' || sink.config.primaryKey.join() !== idColumn))
    notes.push(
      `the window keeps one version per ${config.idField}, but ${sink.config.table} is not upserted by it: the figures may differ`,
    );
  if (config.idField === undefined && sink.config.mode === 'upsert')
    notes.push(
      `the window counts every record, but ${sink.config.table} keeps one row per ${sink.config.primaryKey.join(', ')}: the figures may differ`,
    );
  return {
    ok: true,
    batch: {
      pipelineId: pipeline.id,
      window: window.id,
      keyField: config.keyField,
      inputTable: sink.config.table,
      sql,
      figures,
      notVerified,
      outputs: outputsOf(pipeline, window),
      notes,
    },
  };
}
