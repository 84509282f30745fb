// Malformed HTTP for the API fuzz test, sent over raw sockets: bad request lines, broken framing (lengths,
// chunking), bad header bytes, oversized headers. Only routes that change nothing are addressed.
import { connect } from 'node:net';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';

const requestLine = fc.constantFrom(
  'POST /api/pipelines:validate HTTP/1.1',
  'GET /api/health HTTP/1.1',
  'GET /api/health HTTP/1.0',
  'GET /api/health HTTP/9.9',
  'GET  /api/health HTTP/1.1',
  'POST /api/pipelines:validate HTTP/1.1 extra',
  'GET /api/health\u0000 HTTP/1.1',
  'GET /%00 HTTP/1.1',
  'BREW /api/health HTTP/1.1',
  'GARBAGE',
  '',
);

const header = fc.constantFrom(
  'Content-Type: application/json',
  'Content-Length: -1',
  'Content-Length: abc',
  'Content-Length: 5\r\nContent-Length: 6',
  'Content-Length: 99999999999999999999',
  'Transfer-Encoding: chunked',
  'Transfer-Encoding: chunked\r\nContent-Length: 3',
  'Transfer-Encoding: gzip, chunked',
  'X-Bad Header: 1',
  'X-Nul: a\u0000b',
  'no colon here',
  ' folded continuation',
  `X-Huge: ${'h'.repeat(20_000)}`,
  'Host: evil.example',
  'Expect: 100-continue',
);

const body = fc.oneof(
  fc.constantFrom('', '{}', '{"format":1', 'zz\r\n', '5\r\nhello\r\n0\r\n\r\n', '3\r\nab'),
  fc.string({ maxLength: 50 }),
);

export const rawRequests = (host: string) =>
  fc
    .tuple(requestLine, fc.array(header, { maxLength: 3 }), body, fc.boolean(), fc.boolean())
    .map(([line, headers, payload, withHost, bareNewlines]) => {
      const lines = [line, ...(withHost ? [`Host: ${host}`] : []), ...headers];
      const eol = bareNewlines ? '\n' : '\r\n';
      return `${lines.join(eol)}${eol}${eol}${payload}`;
    });

function exchange(port: number, bytes: string): Promise<string> {
  return new Promise((done) => {
    const socket = connect({ host: '127.0.0.1', port });
    let received = '';
    const timer = setTimeout(() => socket.destroy(), 5000);
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(timer);
      done(received);
    });
    socket.on('connect', () => socket.end(Buffer.from(bytes, 'latin1')));
  });
}

/** Sends `count` malformed requests; every answer must be below 500 and, when 4xx, in the error shape. */
export async function sendRawRequests(app: FastifyInstance, count: number, seed: number) {
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  const port = Number(new URL(address).port);
  const seen: Record<number, number> = {};
  const problems: string[] = [];
  const requests = fc.sample(rawRequests(`127.0.0.1:${port}`), { seed, numRuns: count });
  for (let start = 0; start < requests.length; start += 8) {
    await Promise.all(
      requests.slice(start, start + 8).map(async (request) => {
        // Interim 100 Continue answers come first; only the first final answer counts (a broken body may add a second).
        const answer = (await exchange(port, request)).replace(/^(HTTP\/1\.1 1\d\d [^\r]*\r\n\r\n)+/, '');
        const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(answer)?.[1] ?? 0); // 0: closed without an answer
        seen[status] = (seen[status] ?? 0) + 1;
        const headEnd = answer.indexOf('\r\n\r\n');
        const length = Number(/\r\ncontent-length: *(\d+)/i.exec(answer.slice(0, headEnd))?.[1] ?? answer.length);
        const text = answer.slice(headEnd + 4, headEnd + 4 + length);
        if (status >= 500) problems.push(`raw ${JSON.stringify(request.slice(0, 80))} got ${status}`);
        if (status >= 400 && status < 500) {
          let shaped = false;
          try {
            const parsed = JSON.parse(text) as { error?: { code?: unknown; message?: unknown; details?: unknown } };
            shaped =
              typeof parsed.error?.code === 'string' && typeof parsed.error.message === 'string' && Array.isArray(parsed.error.details);
          } catch {}
          if (!shaped)
            problems.push(`raw ${JSON.stringify(request.slice(0, 80))} got ${status} without the error shape: ${text.slice(0, 120)}`);
        }
      }),
    );
  }
  return { seen, problems };
}
