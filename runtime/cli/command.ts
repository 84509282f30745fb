/** One `npm run sluice -- <name> ...` command. `run` resolves to the exit code. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(args: string[]): Promise<number>;
}

/** A mistake in how the command was called: printed as one line, exit code 2. */
export class UsageError extends Error {}

/** The command could not do its work for a reason the person can act on: one line, exit code 1. */
export class CommandError extends Error {}
