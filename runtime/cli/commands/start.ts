import { buildServer } from '../../http/server.ts';
import { parseArgs } from '../args.ts';
import { assembleRuntime, defaultPipeline } from '../assemble.ts';
import type { Command } from '../command.ts';
import { UsageError } from '../command.ts';
import { designerDist, ensureDesignerBuilt } from '../designer-build.ts';
import { listenOnPreferredPort } from '../listen.ts';
import { requestedBrokers, startServices, untilStopped } from '../services.ts';
import { productVersion } from './version.ts';

const say = (line: string) => console.log(`sluice: ${line}`);

/** SLUICE_WRITE_TIMEOUT_MS: a whole number of milliseconds, at least 100; unset, the writer's default (5 s). */
function writeTimeoutMs(raw: string | undefined): number | undefined {
  if (!raw) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 100)
    throw new UsageError(`SLUICE_WRITE_TIMEOUT_MS must be a whole number of milliseconds (at least 100), not '${raw}'`);
  return value;
}

export const start: Command = {
  name: 'start',
  summary: 'start the local Kafka broker and PostgreSQL (unless configured), the runtime and the designer',
  usage: 'start [--brokers N]',
  async run(args) {
    const { options, positional } = parseArgs(args);
    if (positional.length > 0 || [...options.keys()].some((name) => name !== 'brokers'))
      throw new UsageError(`unknown argument ${[...positional, ...options.keys()].join(' ')}`);
    const services = await startServices(say, { brokers: requestedBrokers(options.get('brokers')) });
    try {
      await ensureDesignerBuilt(say);
      const runtime = await assembleRuntime({
        brokers: services.brokers,
        initialPipeline: await defaultPipeline(),
        writeTimeoutMs: writeTimeoutMs(process.env.SLUICE_WRITE_TIMEOUT_MS),
      });
      try {
        const app = await buildServer({
          control: runtime.control,
          designerDir: designerDist,
          apiToken: process.env.API_TOKEN || undefined,
          designerOrigin: process.env.DESIGNER_ORIGIN || undefined,
          allowedHosts: (process.env.SLUICE_ALLOWED_HOSTS ?? '')
            .split(',')
            .map((name) => name.trim())
            .filter(Boolean),
          version: productVersion(),
        });
        const host = process.env.API_TOKEN ? (process.env.HOST ?? '0.0.0.0') : '127.0.0.1';
        if (!process.env.API_TOKEN) say('API_TOKEN is not set: listening on 127.0.0.1 only');
        const address = await listenOnPreferredPort(app, host, process.env.PORT, say);
        say(`Sluice is running at ${address}`);
        say(`${await untilStopped()}: stopping`);
        await app.close();
      } finally {
        await runtime.close();
      }
      return 0;
    } finally {
      await services.stop();
      say('stopped');
    }
  },
};
