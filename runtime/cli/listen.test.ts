import { createServer, type Server } from 'node:net';
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { UsageError } from './command.ts';
import { listenOnPreferredPort } from './listen.ts';

let blocker: Server | undefined;
afterEach(() => blocker?.close());

async function takenPort(): Promise<number> {
  blocker = createServer();
  await new Promise<void>((done) => blocker?.listen(0, '127.0.0.1', done));
  const address = blocker.address();
  return typeof address === 'object' && address ? address.port : 0;
}

describe('listenOnPreferredPort', () => {
  it('stops with a clear message when the PORT the person set is taken', async () => {
    const port = await takenPort();
    const app = Fastify();
    const attempt = listenOnPreferredPort(app, '127.0.0.1', String(port), () => {});
    await expect(attempt).rejects.toThrow(UsageError);
    await expect(attempt).rejects.toThrow(`port ${port} is already taken`);
    await app.close();
  });

  it('picks a free port and says so when the default port is taken', async () => {
    const port = await takenPort();
    const app = Fastify();
    const said: string[] = [];
    const address = await listenOnPreferredPort(app, '127.0.0.1', undefined, (line) => said.push(line), port);
    expect(new URL(address).port).not.toBe(String(port));
    expect(said).toEqual([`port ${port} is taken; using ${new URL(address).port} instead`]);
    await app.close();
  });

  it('refuses a PORT that is not a port number', async () => {
    const app = Fastify();
    await expect(listenOnPreferredPort(app, '127.0.0.1', 'eighty', () => {})).rejects.toThrow("PORT must be a port number, not 'eighty'");
    await app.close();
  });
});
