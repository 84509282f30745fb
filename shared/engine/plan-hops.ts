// Every hop a record takes through Kafka between two stages of a plan, and why:
// the stage on the far side needs its input partitioned differently from how the
// stream arrives (Kafka Streams' repartition before a re-keyed groupBy). Stages
// whose partitioning allows it are fused into one sub-topology and hand records
// to each other in the same call; a hop is never taken twice by one record.
import { describePartitioning, type Partitioning, samePartitioning } from './partitioning.ts';
import type { Plan } from './plan.ts';

export interface Hop {
  topic: string;
  /** The stages (or source nodes) that write to it. */
  from: string[];
  to: string;
  /** How the stream arrives from each writer. */
  arrives: Partitioning[];
  needs: Partitioning;
  /** The sub-topology the hop starts. */
  subTopology: number;
  reason: string;
}

function reasonFor(to: string, needs: Partitioning, arrives: Partitioning[], writers: number): string {
  const need = describePartitioning(needs);
  const unfit = arrives.filter((partitioning) => !samePartitioning(partitioning, needs));
  if (unfit.length > 0) {
    const how = [...new Set(unfit.map(describePartitioning))].join(', ');
    return `${to} needs its input partitioned by ${need}; it arrives partitioned by ${how}`;
  }
  return `${to} merges the streams of ${writers} sub-topologies, which only a topic can join`;
}

export function planHops(plan: Plan): Hop[] {
  const hops: Hop[] = [];
  for (const sub of plan.subTopologies) {
    if (sub.input.kind !== 'repartition') continue;
    const { topic, stage: to, partitionedBy } = sub.input;
    const from: string[] = [];
    const arrives: Partitioning[] = [];
    const writers = new Set<number>();
    for (const stage of Object.values(plan.stages)) {
      const feeds = Object.values(stage.wiring).some((targets) => targets.some((t) => t.kind === 'repartition' && t.stage === to));
      if (!feeds) continue;
      from.push(stage.id);
      arrives.push(stage.outputPartitioning);
      writers.add(stage.subTopology);
    }
    for (const source of plan.sources) {
      if (!source.targets.some((t) => t.kind === 'repartition' && t.stage === to)) continue;
      from.push(source.node);
      arrives.push(source.partitioning);
      writers.add(plan.subTopologies.find((other) => other.input.kind === 'source' && other.input.topic === source.topic)?.id ?? -1);
    }
    hops.push({
      topic,
      from,
      to,
      arrives,
      needs: partitionedBy,
      subTopology: sub.id,
      reason: reasonFor(to, partitionedBy, arrives, writers.size),
    });
  }
  return hops;
}

/** The hops as lines for `sluice plan`. */
export function describeHops(plan: Plan): string[] {
  const hops = planHops(plan);
  if (hops.length === 0) return ['  (none: every stage runs where its input arrives)'];
  return hops.map((hop) => `  ${hop.from.join(', ')} → ${hop.topic} → ${hop.to}: ${hop.reason}`);
}
