import { describe, expect, it } from 'vitest';
import { ProgressBar } from './progress.ts';

function stream(isTTY: boolean) {
  const written: string[] = [];
  return { written, isTTY, write: (text: string) => written.push(text) };
}

describe('progress bar', () => {
  it('redraws one line in place on a terminal, and ends it when done', () => {
    const out = stream(true);
    const bar = new ProgressBar(out, 4);
    bar.step(1, 'training without a');
    bar.finish();
    expect(out.written).toEqual([
      '\r[######..................] 1/4 training without a\u001b[K',
      '\r[########################] 4/4 done\u001b[K',
      '\n',
    ]);
  });

  it('writes a line per step elsewhere, so a log keeps every step', () => {
    const out = stream(false);
    const bar = new ProgressBar(out, 2);
    bar.step(0, 'first');
    bar.finish('all done');
    expect(out.written).toEqual(['[........................] 0/2 first\n', '[########################] 2/2 all done\n']);
  });
});
