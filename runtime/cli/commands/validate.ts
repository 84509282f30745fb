// `sluice validate <file.json>`: checks a pipeline file the way a deploy would.
import { readFile } from 'node:fs/promises';
import { validatePipeline } from '../../../shared/index.ts';
import { type Command, UsageError } from '../command.ts';
import { parseJson } from './validate-json.ts';

export type Output = { out(line: string): void; err(line: string): void };

const consoleOutput: Output = { out: (line) => console.log(line), err: (line) => console.error(line) };

/** Exit codes: 0 valid, 1 invalid (one `path: message` line per issue), 2 unreadable file or bad JSON. */
export async function validateFile(file: string, output: Output = consoleOutput): Promise<number> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    output.err(`sluice validate: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  const parsed = parseJson(text);
  if (!parsed.ok) {
    output.err(`sluice validate: ${file} is not valid JSON: line ${parsed.line}, column ${parsed.column}: ${parsed.message}`);
    return 2;
  }
  const result = validatePipeline(parsed.value);
  if (result.ok) {
    output.out('ok');
    return 0;
  }
  for (const issue of result.issues) output.out(`${issue.path || '/'}: ${issue.message}`);
  return 1;
}

export const validate: Command = {
  name: 'validate',
  summary: 'check a pipeline file: prints ok, or one issue per line',
  usage: 'validate <file.json>',
  async run(args) {
    const [file, ...rest] = args;
    if (file === undefined || rest.length > 0) throw new UsageError('give exactly one pipeline file');
    return validateFile(file);
  },
};
