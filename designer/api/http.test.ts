// The token handshake against a stand-in for the runtime's auth hook (fetch answers 401 unless the bearer is right).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { request } from './http.ts';
import { declineToken, forgetToken, submitToken, tokenStore } from './token.ts';

const TOKEN = 'sesame';
let sent: Array<{ method: string; authorization: string | undefined }> = [];

beforeEach(() => {
  sent = [];
  forgetToken();
  vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
    const authorization = (init.headers as Record<string, string>).authorization;
    sent.push({ method: init.method ?? 'GET', authorization });
    const allowed = init.method === 'GET' || authorization === `Bearer ${TOKEN}`;
    return new Response(JSON.stringify(allowed ? { ok: true } : { error: { code: 'unauthorized', message: 'needs a token' } }), {
      status: allowed ? 200 : 401,
    });
  });
});
afterEach(() => vi.unstubAllGlobals());

/** Waits until the dialog asks, then answers as a person would. */
async function whenAsked(answer: (question: string | undefined) => void) {
  await vi.waitFor(() => expect(tokenStore.get().asking).toBeDefined());
  answer(tokenStore.get().asking);
}

describe('the API token', () => {
  it('is asked for on the first 401, then sent with that change and every later one', async () => {
    const first = request('POST', '/pipelines/p/stop');
    await whenAsked(() => submitToken(TOKEN));
    expect(await first).toEqual({ ok: true, value: { ok: true } });
    expect(await request('POST', '/pipelines/p/start')).toMatchObject({ ok: true });
    expect(sent.map((call) => call.authorization)).toEqual([undefined, `Bearer ${TOKEN}`, `Bearer ${TOKEN}`]);
    expect(sessionStorage.getItem('sluice.apiToken')).toBe(TOKEN);
  });

  it('says plainly when the token was refused, and asks again', async () => {
    const questions: Array<string | undefined> = [];
    const call = request('PUT', '/pipelines/p', {});
    await whenAsked((question) => {
      questions.push(question);
      submitToken('wrong');
    });
    await whenAsked((question) => {
      questions.push(question);
      submitToken(TOKEN);
    });
    expect(await call).toMatchObject({ ok: true });
    expect(questions).toEqual(['needed', 'refused']);
  });

  it('gives the runtime’s 401 back when the person declines', async () => {
    const call = request('DELETE', '/pipelines/p');
    await whenAsked(() => declineToken());
    expect(await call).toMatchObject({ ok: false, error: { status: 401, code: 'unauthorized' } });
  });

  it('never sends it on reads, and shares one question among waiting changes', async () => {
    expect(await request('GET', '/pipelines')).toMatchObject({ ok: true });
    const both = Promise.all([request('POST', '/a'), request('POST', '/b')]);
    await whenAsked(() => submitToken(TOKEN));
    expect((await both).every((result) => result.ok)).toBe(true);
    expect(sent[0]).toEqual({ method: 'GET', authorization: undefined });
  });
});

describe('an answer that is not a success', () => {
  it('is the value when the call says so (health: 503 with what is down), and an error otherwise', async () => {
    const down = { status: 'unavailable', kafka: { connected: false, brokers: ['b:9092'], reason: 'b:9092 refused' } };
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify(down), { status: 503 }));
    expect(await request('GET', '/health', undefined, [503])).toEqual({ ok: true, value: down });
    expect(await request('GET', '/health')).toMatchObject({ ok: false, error: { status: 503 } });
    vi.stubGlobal('fetch', async () => new Response('<html>proxy error</html>', { status: 503 }));
    expect(await request('GET', '/health', undefined, [503])).toMatchObject({ ok: false, error: { status: 503, code: 'unreachable' } });
  });
});
