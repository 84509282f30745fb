import type { FastifyError, FastifyInstance } from 'fastify';

export interface ErrorBody {
  error: { code: string; message: string; details: unknown[] };
}

/** An error the API answers with on purpose: a status, a stable code and a message a person can act on. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown[] = [],
    /** Sent with the answer, like Retry-After. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function errorBody(code: string, message: string, details: unknown[] = []): ErrorBody {
  return { error: { code, message, details } };
}

// Fastify's own errors (body too large, bad content type, malformed JSON) carry
// statusCode and code; anything else is unexpected and never shows its stack.
const fastifyCodes: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload-too-large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported-media-type',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid-json',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid-json',
};

function clearerMessage(error: FastifyError, bodyLimit: number | undefined): string {
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' && bodyLimit !== undefined)
    return `The body is larger than the ${bodyLimit.toLocaleString('en-US')} bytes this route takes.`;
  return error.message;
}

/** Maps every error to the one JSON shape, in one place. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | ApiError, request, reply) => {
    if (error instanceof ApiError)
      return reply
        .status(error.status)
        .headers(error.headers)
        .send(errorBody(error.code, error.message, error.details));
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
      return reply.status(status).send(errorBody('internal', 'The runtime could not complete this request; see its log.'));
    }
    const code = fastifyCodes[error.code] ?? (error.validation ? 'invalid-request' : 'bad-request');
    return reply.status(status).send(errorBody(code, clearerMessage(error, request.routeOptions.bodyLimit)));
  });
  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send(errorBody('not-found', `No route for ${request.method} ${request.url}`));
  });
}
