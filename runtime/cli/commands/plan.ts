// `sluice plan <file>`: validates a pipeline file and prints what the runtime
// would run: sub-topologies and their stages, tasks, topics and stores.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { describePlan, planAsData } from '../../../shared/engine/plan-summary.ts';
import { validatePipeline } from '../../../shared/index.ts';
import { compilePipeline } from '../../../shared/nodes/index.ts';
import { type Command, UsageError } from '../command.ts';

function parsePartitions(value: string | undefined, flag: string): number {
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1) throw new UsageError(`${flag} needs a positive whole number`);
  return count;
}

export const plan: Command = {
  name: 'plan',
  summary: 'validate a pipeline file and print its plan: sub-topologies, tasks, topics, stores',
  usage: 'plan <file> [--partitions N] [--json]',
  async run(args) {
    let file: string | undefined;
    let defaultPartitions: number | undefined;
    let json = false;
    for (let i = 0; i < args.length; i++) {
      const arg = args[i];
      if (arg === '--json') json = true;
      else if (arg === '--partitions') defaultPartitions = parsePartitions(args[++i], '--partitions');
      else if (arg?.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
      else if (file === undefined) file = arg;
      else throw new UsageError('one file at a time');
    }
    if (file === undefined) throw new UsageError('which pipeline file?');
    let input: unknown;
    try {
      input = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      console.error(`sluice plan: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
      return 2;
    }
    const validation = validatePipeline(input);
    if (!validation.ok) {
      console.error(`sluice plan: ${file} is not a valid pipeline:`);
      for (const issue of validation.issues) console.error(`  ${issue.path || '/'}: ${issue.message} (${issue.code})`);
      return 1;
    }
    const folder = dirname(resolve(file));
    const readResource = (path: string) => readFileSync(resolve(folder, path), 'utf8');
    const compiled = compilePipeline(validation.pipeline, { defaultPartitions, env: { readResource } });
    if (!compiled.ok) {
      console.error(`sluice plan: ${file} cannot run:`);
      for (const issue of compiled.issues) console.error(`  ${issue.path || '/'}: ${issue.message} (${issue.code})`);
      return 1;
    }
    console.log(json ? JSON.stringify(planAsData(compiled.plan), null, 2) : describePlan(compiled.plan));
    return 0;
  },
};
