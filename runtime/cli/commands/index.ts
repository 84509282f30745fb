import type { Command } from '../command.ts';
import { batch } from './batch.ts';
import { start } from './start.ts';
import { version } from './version.ts';

/** Every CLI command; `help` lists them in this order. */
export const commands: Command[] = [start, batch, version];
