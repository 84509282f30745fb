// The runtime's HTTP API as the tests use it: to check what the designer did, and to play the website's part.
import sampleReviews from '../../designer/preview/sample-reviews.json';

export async function getJson<T>(base: string, path: string): Promise<T> {
  const response = await fetch(`${base}${path}`);
  if (!response.ok) throw new Error(`GET ${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

export type PipelineSummary = { id: string; version: number; revision: number; desired: string; status: { state: string } };

export async function pipelineSummary(base: string, id: string): Promise<PipelineSummary | undefined> {
  const { pipelines } = await getJson<{ pipelines: PipelineSummary[] }>(base, '/api/pipelines');
  return pipelines.find((pipeline) => pipeline.id === id);
}

export async function deletePipeline(base: string, id: string): Promise<void> {
  await fetch(`${base}/api/pipelines/${id}`, { method: 'DELETE' });
}

/**
 * The bundled sample reviews (some of them spam), made new for round `round`: fresh ids, users and wording, so the
 * spam filter's velocity and duplicate-text rules do not turn every later round into spam; written now.
 */
function sampleReviewsFor(run: string, round: number) {
  return sampleReviews.map((review) => ({
    ...review,
    id: `${run}-${round}-${review.id}`,
    userId: `${run}-${round}-${review.userId}`,
    content: `${review.content} (Note ${round}.)`,
    createdAt: new Date().toISOString(),
  }));
}

async function postReviews(base: string, reviews: unknown[]): Promise<void> {
  const response = await fetch(`${base}/api/reviews:batch`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ reviews }),
  });
  if (response.status !== 202) throw new Error(`POST /api/reviews:batch answered ${response.status}: ${await response.text()}`);
}

/** Posts a round of sample reviews every `everyMs` until the returned function is called (rates are per second). */
export function keepPostingReviews(base: string, run: string, everyMs = 250): () => Promise<void> {
  let round = 0;
  let failure: unknown;
  const pending = new Set<Promise<void>>();
  const timer = setInterval(() => {
    const post = postReviews(base, sampleReviewsFor(run, round++)).catch((error: unknown) => {
      failure ??= error;
    });
    pending.add(post);
    void post.finally(() => pending.delete(post));
  }, everyMs);
  return async () => {
    clearInterval(timer);
    await Promise.all(pending);
    if (failure) throw failure;
  };
}
