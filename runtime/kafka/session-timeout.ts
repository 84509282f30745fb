// How long a worker that stops answering (SIGKILL, a crash, a network cut) keeps its
// partitions before the group gives them to the others: the consumer group's session
// timeout. Shorter means a faster takeover and more false alarms under long pauses.
// SLUICE_SESSION_TIMEOUT_MS sets it for `sluice run` and `sluice start`; the broker
// accepts group.min.session.timeout.ms (6 s) to group.max.session.timeout.ms (30 min).

export const DEFAULT_SESSION_TIMEOUT_MS = 10_000;
export const MIN_SESSION_TIMEOUT_MS = 6_000;
export const MAX_SESSION_TIMEOUT_MS = 30 * 60_000;

export class SessionTimeoutError extends Error {}

export function sessionTimeoutFromEnv(value = process.env.SLUICE_SESSION_TIMEOUT_MS): number {
  if (value === undefined || value.trim() === '') return DEFAULT_SESSION_TIMEOUT_MS;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < MIN_SESSION_TIMEOUT_MS || ms > MAX_SESSION_TIMEOUT_MS)
    throw new SessionTimeoutError(
      `SLUICE_SESSION_TIMEOUT_MS must be a whole number of milliseconds from ${MIN_SESSION_TIMEOUT_MS} (the broker's minimum) to ${MAX_SESSION_TIMEOUT_MS}, not '${value}'`,
    );
  return ms;
}
