import { afterEach, describe, expect, it, vi } from 'vitest';
import { httpTarget } from './targets.ts';

const review = { id: 'r1', courseId: 'c1', userId: 'u1', rating: 4, createdAt: '2026-11-25T10:00:00Z' };

describe('httpTarget', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('posts puts as a batch and deletes without a JSON content-type (an empty JSON body is a 400)', async () => {
    const calls: { url: string; method: string; headers: Record<string, string> }[] = [];
    vi.stubGlobal('fetch', async (url: string, init: { method: string; headers: Record<string, string> }) => {
      calls.push({ url, method: init.method, headers: init.headers });
      return new Response(JSON.stringify({ rejected: 0 }), { status: 202 });
    });
    const failed = await httpTarget('http://sluice', 'secret').send([
      { kind: 'put', review, label: 'new' },
      { kind: 'delete', id: 'r1', label: 'delete' },
    ]);
    expect(failed).toBe(0);
    expect(calls.map((call) => `${call.method} ${call.url}`)).toEqual([
      'POST http://sluice/api/reviews:batch',
      'DELETE http://sluice/api/reviews/r1',
    ]);
    expect(calls[0]?.headers['content-type']).toBe('application/json');
    expect(calls[1]?.headers).toEqual({ authorization: 'Bearer secret' });
  });
});
