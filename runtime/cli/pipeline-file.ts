// A pipeline named on the command line: a file, or the default pipeline when none is given.
import { readFile } from 'node:fs/promises';
import type { Pipeline } from '../../shared/index.ts';
import { validatePipeline } from '../../shared/index.ts';
import { defaultPipeline } from './assemble.ts';
import { CommandError } from './command.ts';

export async function pipelineOption(file: string | undefined): Promise<Pipeline> {
  if (file === undefined) return defaultPipeline();
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new CommandError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const result = validatePipeline(JSON.parse(text));
  if (!result.ok) throw new CommandError(`${file} is invalid: run \`npm run sluice -- validate ${file}\``);
  return result.pipeline;
}
