// Held sockets must not take the server down: idle and half-sent requests are closed after a timeout, and one
// client gets a bounded number of connections. Real sockets against a real listening server.
import { connect, type Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildServer, type ServerOptions } from './server.ts';
import { pipelineEndpoints, pipelineFile } from './testing/pipeline-endpoints.ts';

let app: FastifyInstance | undefined;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await app?.close();
  app = undefined;
});

async function listening(options: Partial<ServerOptions>): Promise<number> {
  app = await buildServer({
    control: { endpoints: pipelineEndpoints(pipelineFile('review-stats')), kafkaHealth: async () => ({ connected: true, brokers: [] }) },
    ...options,
  });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return Number(new URL(address).port);
}

interface HeldSocket {
  socket: Socket;
  closed: Promise<void>;
  received: () => string;
}

/** Opens a socket from `localAddress` (any 127.x address reaches the loopback listener) and sends `data`. */
function hold(port: number, data: string, localAddress = '127.0.0.1'): Promise<HeldSocket> {
  return new Promise((opened, fail) => {
    const socket = connect({ host: '127.0.0.1', port, localAddress });
    sockets.push(socket);
    let received = '';
    socket.on('data', (chunk) => {
      received += chunk.toString();
    });
    socket.on('error', () => {});
    const closed = new Promise<void>((done) => socket.on('close', () => done()));
    socket.once('connect', () => {
      if (data) socket.write(data);
      opened({ socket, closed, received: () => received });
    });
    socket.once('error', fail);
  });
}

/** GET /api/health over a fresh connection from `localAddress`: its status. */
async function health(port: number, localAddress = '127.0.0.1'): Promise<number> {
  const held = await hold(port, `GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`, localAddress);
  await held.closed;
  return Number(/^HTTP\/1\.1 (\d{3})/.exec(held.received())?.[1] ?? 0);
}

const within = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise, new Promise<'still open'>((done) => setTimeout(() => done('still open'), ms))]);

describe('held connections', () => {
  it('closes idle, half-sent and slowly sent requests after their timeouts, answering health all along', { timeout: 20_000 }, async () => {
    const port = await listening({
      timeouts: { headersMs: 1000, requestMs: 2000, keepAliveMs: 1000, idleMs: 5000, checkIntervalMs: 100 },
      maxConnectionsPerClient: 1000,
    });
    const idle = await Promise.all(Array.from({ length: 100 }, () => hold(port, '')));
    const halfHeaders = await Promise.all(
      Array.from({ length: 100 }, () => hold(port, `POST /api/reviews HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Ty`)),
    );
    const halfBody = await Promise.all(
      Array.from({ length: 100 }, () =>
        hold(
          port,
          `POST /api/reviews HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"id":`,
        ),
      ),
    );
    const keptAlive = await hold(port, `GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
    expect(await health(port)).toBe(200);
    const all = [...idle, ...halfHeaders, ...halfBody, keptAlive];
    const outcome = await within(Promise.all(all.map((held) => held.closed)), 6000);
    expect(outcome).not.toBe('still open');
    expect(keptAlive.received()).toMatch(/^HTTP\/1\.1 200/);
    // A half-sent request is told why (408) before the socket closes.
    expect(halfBody.filter((held) => held.received().startsWith('HTTP/1.1 408')).length).toBe(100);
    expect(await health(port)).toBe(200);
  });

  it('sets the timeouts it was given on the server, and sane ones by default', async () => {
    await listening({});
    const server = app?.server;
    expect({
      headers: server?.headersTimeout,
      request: server?.requestTimeout,
      keepAlive: server?.keepAliveTimeout,
      idle: server?.timeout,
    }).toEqual({ headers: 10_000, request: 30_000, keepAlive: 5_000, idle: 120_000 });
  });

  it('answers 429 and closes connections past the per-client limit, while other clients are served', async () => {
    const port = await listening({ maxConnectionsPerClient: 50 });
    const first = await Promise.all(Array.from({ length: 50 }, () => hold(port, '')));
    const over = await Promise.all(Array.from({ length: 30 }, () => hold(port, '')));
    expect(await within(Promise.all(over.map((held) => held.closed)), 2000)).not.toBe('still open');
    expect(over.every((held) => /^HTTP\/1\.1 429 /.test(held.received()) && held.received().includes('"too-many-connections"'))).toBe(true);
    expect(await health(port, '127.0.0.2')).toBe(200);
    expect(await health(port)).toBe(429); // this client is still at its limit
    for (const held of first.slice(0, 5)) held.socket.destroy();
    await Promise.all(first.slice(0, 5).map((held) => held.closed));
    expect(await health(port)).toBe(200);
  });
});
