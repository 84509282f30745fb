// Due times per stage, earliest first (a binary heap: a window may hold a timer
// per key). Scheduling the same (stage, time) twice keeps one entry.

export interface DueTimer {
  at: number;
  stage: string;
}

export class TimerQueue {
  private readonly heap: DueTimer[] = [];
  private readonly queued = new Set<string>();

  get size(): number {
    return this.heap.length;
  }

  schedule(stage: string, at: number): void {
    const id = `${stage}@${at}`;
    if (this.queued.has(id)) return;
    this.queued.add(id);
    this.heap.push({ at, stage });
    this.up(this.heap.length - 1);
  }

  peek(): number | undefined {
    return this.heap[0]?.at;
  }

  /** Removes and returns the earliest timer if it is due at `now`. */
  popDue(now: number): DueTimer | undefined {
    const top = this.heap[0];
    if (!top || top.at > now) return undefined;
    const last = this.heap.pop();
    if (last && this.heap.length > 0) {
      this.heap[0] = last;
      this.down(0);
    }
    this.queued.delete(`${top.stage}@${top.at}`);
    return top;
  }

  private less(a: number, b: number): boolean {
    const x = this.heap[a];
    const y = this.heap[b];
    if (!x || !y) return false;
    return x.at < y.at || (x.at === y.at && x.stage < y.stage);
  }

  private swap(a: number, b: number): void {
    const x = this.heap[a];
    const y = this.heap[b];
    if (!x || !y) return;
    this.heap[a] = y;
    this.heap[b] = x;
  }

  private up(index: number): void {
    for (let i = index; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(index: number): void {
    for (let i = index; ; ) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < this.heap.length && this.less(left, smallest)) smallest = left;
      if (right < this.heap.length && this.less(right, smallest)) smallest = right;
      if (smallest === i) return;
      this.swap(i, smallest);
      i = smallest;
    }
  }
}
