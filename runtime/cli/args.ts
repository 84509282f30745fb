import { UsageError } from './command.ts';

/** `--name value` options and positional arguments, as simply as the commands need. */
export function parseArgs(args: string[], flags: readonly string[] = []): { options: Map<string, string>; positional: string[] } {
  const options = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    if (flags.includes(name)) options.set(name, 'true');
    else {
      const value = inline ?? args[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      options.set(name, value);
    }
  }
  return { options, positional };
}

export function numberOption(options: Map<string, string>, name: string, fallback: number): number {
  const raw = options.get(name);
  if (raw === undefined) return fallback;
  const value = Number(raw.replaceAll('_', ''));
  if (!Number.isFinite(value) || value < 0) throw new UsageError(`--${name} must be a non-negative number, not '${raw}'`);
  return value;
}

/** "2000/s", "2000" → 2000 per second. */
export function rateOption(raw: string | undefined): number | undefined {
  if (raw === undefined || raw === 'max') return undefined;
  const match = raw.match(/^(\d+(?:\.\d+)?)(?:\/s)?$/);
  if (!match) throw new UsageError(`--rate takes a rate like 2000/s (or max), not '${raw}'`);
  return Number(match[1]);
}
