// One place that talks HTTP: every failure becomes an ApiError value, so callers never need try/catch.
import type { ApiError, ApiResult } from './types.ts';

export const UNREACHABLE = 'unreachable';

export async function request<T>(method: string, path: string, body?: unknown): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (cause) {
    return { ok: false, error: { status: 0, code: UNREACHABLE, message: `The runtime is unreachable (${String(cause)}).` } };
  }
  const payload = await readJson(response);
  if (response.ok) return { ok: true, value: payload as T };
  return { ok: false, error: toApiError(response.status, payload) };
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => '');
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function toApiError(status: number, payload: unknown): ApiError {
  const error = typeof payload === 'object' && payload !== null && 'error' in payload ? (payload as { error: unknown }).error : undefined;
  if (typeof error === 'object' && error !== null) {
    const { code, message, details } = error as Record<string, unknown>;
    return {
      status,
      code: typeof code === 'string' ? code : `http-${status}`,
      message: typeof message === 'string' ? message : '',
      details,
    };
  }
  // A dev server without the runtime behind its proxy answers 5xx or 404 with HTML; say so plainly.
  const unreachable = status === 502 || status === 503 || status === 504;
  return { status, code: unreachable ? UNREACHABLE : `http-${status}`, message: `The runtime answered ${status}.` };
}
