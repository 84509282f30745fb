// The earliest deadline over all keys, so the engine sets one timer, not one per
// key. A binary min-heap with lazy deletion: moving a key's deadline pushes a new
// entry and leaves the old one to be skipped when it surfaces (`current` says
// which entry is live). Rebuilt when stale entries outnumber live ones.

interface Entry {
  at: number;
  key: string;
}

export class DeadlineHeap {
  private heap: Entry[] = [];
  private readonly current = new Map<string, number>();

  set(key: string, at: number | undefined): void {
    if (this.current.get(key) === at) return;
    if (at === undefined) this.current.delete(key);
    else {
      this.current.set(key, at);
      this.push({ at, key });
    }
    if (this.heap.length > 2 * this.current.size + 1024) this.rebuild();
  }

  peek(): number | undefined {
    this.dropStale();
    return this.heap[0]?.at;
  }

  /** Removes and returns the keys whose deadline is <= now, earliest first. */
  popDue(now: number): string[] {
    const due: string[] = [];
    for (let top = this.peekEntry(); top && top.at <= now; top = this.peekEntry()) {
      this.pop();
      this.current.delete(top.key);
      due.push(top.key);
    }
    return due;
  }

  private peekEntry(): Entry | undefined {
    this.dropStale();
    return this.heap[0];
  }

  private dropStale(): void {
    for (let top = this.heap[0]; top && this.current.get(top.key) !== top.at; top = this.heap[0]) this.pop();
  }

  private rebuild(): void {
    this.heap = [];
    for (const [key, at] of this.current) this.push({ at, key });
  }

  private push(entry: Entry): void {
    const heap = this.heap;
    heap.push(entry);
    for (let i = heap.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      const above = heap[parent];
      if (!above || above.at <= entry.at) break;
      heap[i] = above;
      heap[parent] = entry;
      i = parent;
    }
  }

  private pop(): void {
    const heap = this.heap;
    const last = heap.pop();
    if (!last || heap.length === 0) return;
    heap[0] = last;
    for (let i = 0; ; ) {
      const left = 2 * i + 1;
      let smallest = i;
      if ((heap[left]?.at ?? Number.POSITIVE_INFINITY) < (heap[smallest]?.at ?? 0)) smallest = left;
      if ((heap[left + 1]?.at ?? Number.POSITIVE_INFINITY) < (heap[smallest]?.at ?? 0)) smallest = left + 1;
      if (smallest === i) return;
      const child = heap[smallest];
      if (!child) return;
      heap[smallest] = last;
      heap[i] = child;
      i = smallest;
    }
  }
}
