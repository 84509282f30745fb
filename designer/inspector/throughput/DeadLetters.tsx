// The last records a node sent to the dead-letter topic (late ones included), with their reasons, read from the
// DLQ topic's headers when asked.
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import type { DeadLetter } from '../../api/types.ts';
import { reasonInWords } from '../../metrics/reasons.ts';

type Answer = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ok'; letters: DeadLetter[] };

export function DeadLetters({ pipelineId, nodeId }: { pipelineId: string; nodeId: string }) {
  const [answer, setAnswer] = useState<Answer>({ state: 'loading' });
  const load = useCallback(() => {
    setAnswer({ state: 'loading' });
    void api
      .deadLetters(pipelineId, nodeId)
      .then((result) =>
        setAnswer(result.ok ? { state: 'ok', letters: result.value.deadLetters } : { state: 'error', message: result.error.message }),
      );
  }, [pipelineId, nodeId]);
  useEffect(load, [load]);
  return (
    <section data-testid="dead-letters">
      <h4>
        The last dead letters and late records{' '}
        <button type="button" onClick={load}>
          Refresh
        </button>
      </h4>
      {answer.state === 'loading' && <p className="muted">Reading the dead-letter topic…</p>}
      {answer.state === 'error' && <p className="error">{answer.message}</p>}
      {answer.state === 'ok' && answer.letters.length === 0 && <p className="muted">None on the dead-letter topic.</p>}
      {answer.state === 'ok' &&
        answer.letters.map((letter) => (
          <div
            key={`${letter.at}:${letter.key}:${letter.source?.offset ?? ''}`}
            className={`dead-letter${letter.reason === 'late' ? ' late' : ''}`}
          >
            <strong>{reasonInWords(letter.reason)}</strong> <span className="muted">{new Date(letter.at).toLocaleString()}</span>
            {letter.error && <div>{letter.error}</div>}
            {letter.source && (
              <div className="muted">
                from {letter.source.topic}[{letter.source.partition}] at {letter.source.offset}
              </div>
            )}
            <pre>{letter.value ?? '(a delete)'}</pre>
          </div>
        ))}
    </section>
  );
}
