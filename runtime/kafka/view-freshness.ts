// Whether a local replica of a topic is current. A replica is always a little behind (records in
// flight); it is stale when it has not reached, by now, where the topic was at the previous check
// (a stuck consumer, a lost broker connection, a burst it cannot keep up with). Then reads carry
// `stale: true` and how far behind, instead of figures that look current.

export interface Freshness {
  stale: boolean;
  /** Records the replica has not applied yet, over all partitions (at the last check). */
  behindBy?: number;
  reason?: string;
}

export interface FreshnessCheck {
  /** Per partition: the next offset the replica will apply. */
  positions: ReadonlyMap<number, number>;
  /** Per partition: the end of the topic now. */
  ends: ReadonlyMap<number, number>;
  /** Per partition: the end of the topic at the previous check. */
  previousEnds: ReadonlyMap<number, number>;
}

export function freshness({ positions, ends, previousEnds }: FreshnessCheck): Freshness {
  let behindBy = 0;
  let stale = false;
  for (const [partition, end] of ends) {
    const position = positions.get(partition) ?? 0;
    behindBy += Math.max(0, end - position);
    if (position < (previousEnds.get(partition) ?? 0)) stale = true;
  }
  return stale ? { stale, behindBy, reason: `the local replica is ${behindBy} records behind the topic` } : { stale, behindBy };
}
