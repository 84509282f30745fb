// Why a sink write failed, as the driver needs to know it: an outage (the database is down, a
// connection dropped, a deadlock) passes and is retried with backoff; a refusal (the database
// will never take this row: a NUL in a text, a number too large, a text in a number column)
// does not, and after a few tries the refused rows go to the dead-letter topic.

import type { SinkFailureKind } from '../../shared/engine/sink-write.ts';

/**
 * SQLSTATE classes of errors about the data itself: 22 data exception (invalid text, out of range,
 * bad datetime), 23 integrity constraint violation, 54 program limit exceeded (a row too large);
 * and 42804 datatype mismatch. Everything else (08 connection, 53 resources, 57 shutdown, 40
 * rollback, network errors) is an outage.
 */
export function failureKind(error: unknown): SinkFailureKind {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return 'outage';
  if (['22', '23', '54'].includes(code.slice(0, 2)) || code === '42804') return 'refused';
  return 'outage';
}

export function failureMessage(error: unknown): string {
  const failure = error as { message?: unknown; code?: unknown } | undefined;
  const message = typeof failure?.message === 'string' && failure.message !== '' ? failure.message : String(error);
  return typeof failure?.code === 'string' ? `${message} (${failure.code})` : message;
}
