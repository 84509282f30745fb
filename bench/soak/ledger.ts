// What the soak's client was told about each review, and what the pipeline kept: the truth to
// check for lost and duplicated reviews. A review is settled when its last operation was answered
// 202 (stored) and no earlier one is in doubt; an answer that says the write may or may not have
// been stored (a 503 after a timeout, a connection cut mid-request) leaves it unsettled, and it is
// not judged (the client retried it until a 202, which is what settles it again).

export type Outcome = 'stored' | 'not-stored' | 'unknown';

interface Entry {
  /** The last operation the API acknowledged: put (the review exists) or delete. */
  last?: 'put' | 'delete';
  /** An operation after the last acknowledged one whose fate is unknown. */
  inDoubt: boolean;
}

export interface Observed {
  /** Review ids in the valid table (reviews_valid). */
  valid: ReadonlySet<string>;
  /** Review ids whose latest record on the spam topic is a review (not a tombstone). */
  spam: ReadonlySet<string>;
}

export interface Judgement {
  /** Settled reviews that exist per the client and are neither valid nor spam. */
  lost: string[];
  /** Reviews that are valid and spam at once. */
  duplicated: string[];
  /** Settled deleted reviews still valid or spam. */
  resurrected: string[];
  /** Reviews judged (settled) and left out (in doubt). */
  settled: number;
  inDoubt: number;
}

export class Ledger {
  private readonly entries = new Map<string, Entry>();

  record(id: string, operation: 'put' | 'delete', outcome: Outcome): void {
    const entry = this.entries.get(id) ?? { inDoubt: false };
    if (outcome === 'stored') this.entries.set(id, { last: operation, inDoubt: false });
    else if (outcome === 'unknown') this.entries.set(id, { ...entry, inDoubt: true });
    else this.entries.set(id, entry);
  }

  judge(observed: Observed): Judgement {
    const lost: string[] = [];
    const resurrected: string[] = [];
    let settled = 0;
    let inDoubt = 0;
    for (const [id, entry] of this.entries) {
      if (entry.last === undefined) continue; // never acknowledged: nothing was promised
      if (entry.inDoubt) {
        inDoubt++;
        continue;
      }
      settled++;
      const kept = observed.valid.has(id) || observed.spam.has(id);
      if (entry.last === 'put' && !kept) lost.push(id);
      if (entry.last === 'delete' && kept) resurrected.push(id);
    }
    const duplicated = [...observed.valid].filter((id) => observed.spam.has(id));
    return { lost: lost.sort(), duplicated: duplicated.sort(), resurrected: resurrected.sort(), settled, inDoubt };
  }
}
