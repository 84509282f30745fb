// Without API_TOKEN the runtime listens on 127.0.0.1 only, but a browser on this machine still reaches it:
// another site's page may POST to it (no body needed to stop a pipeline), and a DNS-rebinding site may read it
// under its own name. So it answers only requests addressed to one of its own names, and takes changes only
// from its own pages (or the designer's dev server); tools that send no Origin (curl, scripts) are unaffected.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from './errors.ts';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A Host header (or an origin's host) split into a lower-case name and a port, or undefined when malformed. */
export function splitHost(host: string, defaultPort = 80): { name: string; port: number } | undefined {
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/i.exec(host);
  if (!match?.[1]) return undefined;
  return { name: match[1].toLowerCase(), port: match[2] === undefined ? defaultPort : Number(match[2]) };
}

export interface LocalNames {
  /** The port this connection came in on; unknown for in-process requests (tests), when any port will do. */
  localPort: number | undefined;
  /** Configured names (SLUICE_ALLOWED_HOSTS), each `name` (any port) or `name:port`. */
  allowed: string[];
}

export function isOwnHost(host: string | undefined, names: LocalNames): boolean {
  const parsed = host === undefined ? undefined : splitHost(host);
  if (!parsed) return false;
  if (LOOPBACK.has(parsed.name)) return names.localPort === undefined || parsed.port === names.localPort;
  return names.allowed.some((entry) => {
    const wanted = splitHost(entry);
    return wanted !== undefined && wanted.name === parsed.name && (!/:\d+$/.test(entry) || wanted.port === parsed.port);
  });
}

/**
 * Whether a browser sent this request from another site: its Origin is neither this request's own host (same
 * origin) nor the designer's origin, or, without an Origin, the browser says it is cross-site.
 */
export function isCrossSite(headers: FastifyRequest['headers'], designerOrigin: string | undefined): boolean {
  const origin = headers.origin;
  if (origin !== undefined) {
    if (!URL.canParse(origin)) return true; // "null" (sandboxed frames, file: pages) and anything malformed
    const url = new URL(origin);
    if (designerOrigin !== undefined && URL.canParse(designerOrigin) && new URL(designerOrigin).origin === url.origin) return false;
    const from = splitHost(url.host, url.protocol === 'https:' ? 443 : 80);
    const to = headers.host === undefined ? undefined : splitHost(headers.host, url.protocol === 'https:' ? 443 : 80);
    return !(from && to && (url.protocol === 'http:' || url.protocol === 'https:') && from.name === to.name && from.port === to.port);
  }
  const site = headers['sec-fetch-site'];
  return site === 'cross-site' || site === 'same-site';
}

export function answerOnlyLocalRequests(app: FastifyInstance, options: { allowedHosts: string[]; designerOrigin?: string }): void {
  const allowed = [...options.allowedHosts];
  if (options.designerOrigin && URL.canParse(options.designerOrigin)) allowed.push(new URL(options.designerOrigin).host);
  app.addHook('onRequest', async (request) => {
    const names = { localPort: request.socket.localPort, allowed };
    if (!isOwnHost(request.headers.host, names)) {
      throw new ApiError(
        403,
        'host-not-allowed',
        `This runtime answers requests addressed to localhost, 127.0.0.1 or [::1] on its port (or a name in SLUICE_ALLOWED_HOSTS); ` +
          `'${request.headers.host ?? ''}' is none of them.`,
      );
    }
    if (MUTATING.has(request.method) && isCrossSite(request.headers, options.designerOrigin)) {
      throw new ApiError(
        403,
        'cross-origin',
        `Changes are taken only from this runtime's own pages (or DESIGNER_ORIGIN) while API_TOKEN is unset; ` +
          `this request came from ${request.headers.origin ? `'${request.headers.origin}'` : 'another site'}.`,
      );
    }
  });
}

/** HTTP/1.1 needs a Host header (Node refuses a request without one with an empty 400 unless told not to). */
export function requireHost(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    if (request.raw.httpVersion === '1.1' && !request.headers.host)
      throw new ApiError(400, 'missing-host', 'An HTTP/1.1 request needs a Host header naming the server it is for.');
  });
}
