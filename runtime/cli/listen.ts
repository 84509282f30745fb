import type { FastifyInstance } from 'fastify';
import { UsageError } from './command.ts';

/**
 * Listens on PORT when given (a taken PORT is an error the person must fix),
 * otherwise on 8080, or on a free port when 8080 is taken, saying so.
 */
export async function listenOnPreferredPort(
  app: FastifyInstance,
  host: string,
  portSetting: string | undefined,
  say: (line: string) => void,
  defaultPort = 8080,
): Promise<string> {
  const explicit = portSetting !== undefined && portSetting !== '';
  const port = explicit ? Number(portSetting) : defaultPort;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`PORT must be a port number, not '${portSetting}'`);
  try {
    return await app.listen({ host, port });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    if (explicit) throw new UsageError(`port ${port} is already taken: stop what uses it or choose another PORT`);
    const address = await app.listen({ host, port: 0 });
    say(`port ${defaultPort} is taken; using ${new URL(address).port} instead`);
    return address;
  }
}
