import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

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

/** A path segment may be this long (URL-encoded): room for any id, whose own rules then say what is wrong. */
export const MAX_PATH_SEGMENT = 1000;

/** The router's own refusals (before any route or hook), in the one error shape. */
export function answerFrameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    reply
      .status(414)
      .send(errorBody('url-too-long', `A path segment is longer than the ${MAX_PATH_SEGMENT} characters any id could take.`));
    return;
  }
  if (error.code === 'FST_ERR_BAD_URL') {
    reply
      .status(400)
      .send(errorBody('invalid-url', 'The URL is not valid: a path segment has a malformed percent-encoding (like %zz or %FF).'));
    return;
  }
  reply.status(400).send(errorBody('bad-request', error.message));
}
