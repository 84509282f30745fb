// One place that talks HTTP: every failure becomes an ApiError value, so callers never need try/catch. Changes carry
// the API token when the runtime wants one (token.ts): a 401 asks for it, and the call is made again with it.
import { askForToken, tokenStore } from './token.ts';
import type { ApiError, ApiResult } from './types.ts';

export const UNREACHABLE = 'unreachable';

/** `answers`: statuses besides 2xx whose body is the value (health answers 503 with what is down). */
export async function request<T>(method: string, path: string, body?: unknown, answers: number[] = []): Promise<ApiResult<T>> {
  const changes = method !== 'GET' && method !== 'HEAD';
  for (;;) {
    const token = changes ? tokenStore.get().token : undefined;
    const answer = await send(method, path, body, token);
    if (answer instanceof Response && answer.status === 401 && changes) {
      // Ask (again, saying it was refused, when one was sent); a person who declines gets the runtime's 401.
      const given = await askForToken(token ? 'refused' : 'needed');
      if (given !== undefined && given !== '') continue;
    }
    return answer instanceof Response ? outcome<T>(answer, answers) : answer;
  }
}

async function send(method: string, path: string, body: unknown, token: string | undefined): Promise<Response | ApiResult<never>> {
  const headers: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  try {
    return await fetch(`/api${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  } catch (cause) {
    return { ok: false, error: { status: 0, code: UNREACHABLE, message: `The runtime is unreachable (${String(cause)}).` } };
  }
}

async function outcome<T>(response: Response, answers: number[]): Promise<ApiResult<T>> {
  const payload = await readJson(response);
  const isValue = answers.includes(response.status) && typeof payload === 'object' && payload !== null && !('error' in payload);
  if (response.ok || isValue) return { ok: true, value: payload as T };
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
