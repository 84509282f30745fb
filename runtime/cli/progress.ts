/** Where a progress bar writes: process.stderr, or anything like it in tests. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

const WIDTH = 24;

/**
 * A progress bar on stderr, so stdout stays the report: redrawn in place on a terminal, one line per step
 * otherwise (a log or CI keeps every step).
 */
export class ProgressBar {
  private drawn = false;

  constructor(
    private readonly stream: ProgressStream,
    private readonly total: number,
  ) {}

  /** Shows that `done` of the steps are finished and what the next one is. */
  step(done: number, label: string): void {
    const filled = Math.round((done / Math.max(1, this.total)) * WIDTH);
    const line = `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${done}/${this.total} ${label}`;
    if (this.stream.isTTY) this.stream.write(`\r${line}\u001b[K`);
    else this.stream.write(`${line}\n`);
    this.drawn = true;
  }

  finish(label = 'done'): void {
    this.step(this.total, label);
    if (this.stream.isTTY && this.drawn) this.stream.write('\n');
  }
}
