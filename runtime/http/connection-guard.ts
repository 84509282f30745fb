// At most so many open connections per client address: with the timeouts in server.ts, a client holding
// sockets open (idle, or sending a request byte by byte) holds a bounded share of the process's file descriptors.
import type { Server } from 'node:http';
import { errorBody } from './errors.ts';

function tooManyConnections(limit: number): string {
  const body = JSON.stringify(
    errorBody(
      'too-many-connections',
      `At most ${limit} open connections per client address: reuse connections (keep-alive) or close some.`,
    ),
  );
  return [
    'HTTP/1.1 429 Too Many Requests',
    'content-type: application/json; charset=utf-8',
    `content-length: ${Buffer.byteLength(body)}`,
    'retry-after: 1',
    'connection: close',
    '',
    body,
  ].join('\r\n');
}

export function limitConnectionsPerClient(server: Server, limit: number): void {
  const open = new Map<string, number>();
  const refusal = tooManyConnections(limit);
  server.on('connection', (socket) => {
    const client = socket.remoteAddress ?? 'unknown';
    const count = (open.get(client) ?? 0) + 1;
    if (count > limit) {
      // Answered before any request is read, then closed: the client learns why instead of seeing a reset.
      socket.end(refusal);
      socket.setTimeout(1000, () => socket.destroy());
      return;
    }
    open.set(client, count);
    socket.once('close', () => {
      const left = (open.get(client) ?? 1) - 1;
      if (left > 0) open.set(client, left);
      else open.delete(client);
    });
  });
}
