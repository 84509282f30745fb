// `sluice batch`: the nightly batch of a window, as the SQL its config gives over the table that keeps its input.
import pg from 'pg';
import { planWindowBatch, type WindowBatch } from '../../postgres/window-batch.ts';
import { batchFigures } from '../../postgres/window-verify.ts';
import { parseArgs } from '../args.ts';
import { type Command, CommandError, UsageError } from '../command.ts';
import { databaseUrl } from '../database-url.ts';
import { pipelineOption } from '../pipeline-file.ts';

export function parseAsOf(args: string[]): Date {
  const index = args.indexOf('--as-of');
  if (index < 0) return new Date();
  const value = args[index + 1];
  const asOf = value ? new Date(value) : undefined;
  if (!asOf || Number.isNaN(asOf.getTime())) throw new UsageError(`--as-of needs an ISO-8601 time, not '${value ?? ''}'`);
  return asOf;
}

/** The window's batch plan from --pipeline and --window, or a one-line reason it has none. */
export async function batchPlan(options: Map<string, string>): Promise<WindowBatch> {
  const pipeline = await pipelineOption(options.get('pipeline'));
  const planned = planWindowBatch(pipeline, options.get('window'));
  if (!planned.ok) throw new CommandError(planned.message);
  return planned.batch;
}

export const batch: Command = {
  name: 'batch',
  summary: "print a window's batch SQL (from its config, over the table keeping its input) and its result",
  usage: 'batch [--pipeline <file.json>] [--window <node>] [--as-of <ISO time>] [--json]',
  async run(args) {
    const { options } = parseArgs(args, ['json']);
    const asOf = parseAsOf(args);
    const plan = await batchPlan(options);
    const pool = new pg.Pool({ connectionString: databaseUrl() });
    pool.on('error', () => {});
    try {
      const figures = await batchFigures(pool, plan, asOf);
      const rows = [...figures].map(([key, values]) => ({
        [plan.keyField]: key,
        ...Object.fromEntries(plan.figures.map((figure) => [`${figure.window}.${figure.aggregate}`, values[figure.column]])),
      }));
      if (options.has('json')) {
        console.log(
          JSON.stringify({ asOf: asOf.toISOString(), pipeline: plan.pipelineId, window: plan.window, sql: plan.sql, rows }, null, 2),
        );
        return 0;
      }
      console.log(`-- ${plan.pipelineId}.${plan.window} over ${plan.inputTable}, as of $1 = ${asOf.toISOString()}\n${plan.sql};\n`);
      for (const note of [...plan.notes, ...plan.notVerified.map((window) => `not covered: ${window}`)]) console.log(`-- ${note}`);
      const columns = [plan.keyField, ...plan.figures.map((figure) => `${figure.window}.${figure.aggregate}`)];
      console.log(`${rows.length} keys\n${columns.join('\t')}`);
      for (const row of rows) console.log(columns.map((column) => row[column] ?? '').join('\t'));
      return 0;
    } finally {
      await pool.end();
    }
  },
};
