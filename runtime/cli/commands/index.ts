import type { Command } from '../command.ts';
import { batch } from './batch.ts';
import { plan } from './plan.ts';
import { run } from './run.ts';
import { start } from './start.ts';
import { trainSpam } from './train-spam.ts';
import { validate } from './validate.ts';
import { verify } from './verify.ts';
import { version } from './version.ts';

/** Every CLI command; `help` lists them in this order. */
export const commands: Command[] = [start, run, validate, plan, batch, verify, trainSpam, version];
