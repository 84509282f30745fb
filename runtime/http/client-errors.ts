// Requests Node's HTTP parser refuses before any route sees them (malformed framing, headers too large, sent
// too slowly) are answered in the API's one error shape too, then the connection is closed.
import type { Socket } from 'node:net';
import { errorBody } from './errors.ts';

const answers: Record<string, { status: number; reason: string; code: string; message: string }> = {
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    reason: 'Request Timeout',
    code: 'request-timeout',
    message: 'The request did not arrive in time: its headers and then its body were sent too slowly.',
  },
  HPE_HEADER_OVERFLOW: {
    status: 431,
    reason: 'Request Header Fields Too Large',
    code: 'headers-too-large',
    message: 'The request headers are too large.',
  },
};

export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const known = answers[error.code ?? ''];
  const answer = known ?? {
    status: 400,
    reason: 'Bad Request',
    code: 'malformed-request',
    message: `The request is not valid HTTP/1.1 (${error.code ?? error.message}).`,
  };
  const body = JSON.stringify(errorBody(answer.code, answer.message));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${answer.status} ${answer.reason}\r\ncontent-type: application/json; charset=utf-8\r\n` +
        `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
