// Every input record of every stage is accounted for: forwarded (it led to at
// least one emitted or written record), dropped by a counted rule, or
// dead-lettered. This checks the identity per stage on a metrics snapshot.
import { DLQ, DROPPED, type MetricsSnapshot, RECORDS_FORWARDED, RECORDS_IN, total, UNACCOUNTED } from './metrics.ts';

export interface AccountingProblem {
  node: string;
  stage: string;
  in: number;
  forwarded: number;
  dropped: number;
  deadLettered: number;
  unaccounted: number;
}

export function accountingProblems(snapshot: MetricsSnapshot): AccountingProblem[] {
  const stages = new Map<string, { node: string; stage: string }>();
  for (const counter of snapshot.counters) {
    const node = counter.labels.node;
    if (node === undefined) continue;
    const stage = counter.labels.stage ?? '';
    stages.set(`${node}\u0000${stage}`, { node, stage });
  }
  const problems: AccountingProblem[] = [];
  for (const { node, stage } of stages.values()) {
    const labels: Record<string, string> = stage === '' ? { node } : { node, stage };
    const inputs = total(snapshot, RECORDS_IN, labels);
    const forwarded = total(snapshot, RECORDS_FORWARDED, labels);
    const dropped = total(snapshot, DROPPED, labels);
    const deadLettered = total(snapshot, DLQ, labels);
    const unaccounted = total(snapshot, UNACCOUNTED, labels);
    if (inputs !== forwarded + dropped + deadLettered || unaccounted > 0) {
      problems.push({ node, stage, in: inputs, forwarded, dropped, deadLettered, unaccounted });
    }
  }
  return problems;
}
