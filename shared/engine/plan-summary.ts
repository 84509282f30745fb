// A plan as plain text, for `sluice plan` and for logs: what runs where, which
// topics and stores exist, and why a repartition topic is there.
import { describePartitioning } from './partitioning.ts';
import type { Plan, PortTarget } from './plan.ts';
import { describeHops } from './plan-hops.ts';

function describeTargets(targets: PortTarget[]): string {
  if (targets.length === 0) return '(not connected)';
  return targets.map((target) => (target.kind === 'stage' ? target.stage : `${target.topic} → ${target.stage}`)).join(', ');
}

function configText(config: Record<string, string>): string {
  const entries = Object.entries(config);
  return entries.length === 0 ? '' : `  ${entries.map(([name, value]) => `${name}=${value}`).join(' ')}`;
}

export function describePlan(plan: Plan): string {
  const lines: string[] = [`pipeline ${plan.pipelineId}`, ''];
  lines.push(`partitions: default ${plan.partitions.default}, internal ${plan.partitions.internal}`, '');
  for (const sub of plan.subTopologies) {
    const input =
      sub.input.kind === 'source'
        ? `source topic ${sub.input.topic} (nodes ${sub.input.sources.join(', ')})`
        : `repartition topic ${sub.input.topic}, partitioned by ${describePartitioning(sub.input.partitionedBy)}`;
    lines.push(`sub-topology ${sub.id}: ${sub.partitions} partitions, reads ${input}`);
    if (sub.input.kind === 'source') {
      for (const source of plan.sources.filter((candidate) => candidate.topic === sub.input.topic)) {
        lines.push(
          `  ${source.node} [source.kafka] partitioned by ${describePartitioning(source.partitioning)}; out → ${describeTargets(source.targets)}`,
        );
      }
    }
    for (const stageId of sub.stages) {
      const stage = plan.stages[stageId];
      if (!stage) continue;
      const stores = stage.stores.length > 0 ? `; stores ${stage.stores.map((store) => store.name).join(', ')}` : '';
      lines.push(`  ${stage.id} [${stage.nodeType}] input partitioned by ${describePartitioning(stage.inputPartitioning)}${stores}`);
      for (const [port, targets] of Object.entries(stage.wiring)) lines.push(`    ${port} → ${describeTargets(targets)}`);
    }
    const tasks = plan.tasks.filter((task) => task.subTopology === sub.id).map((task) => task.id);
    lines.push(`  tasks: ${tasks.join(', ')}`, '');
  }
  lines.push('hops through Kafka (each record takes each at most once), and why:', ...describeHops(plan), '');
  lines.push('topics:');
  for (const topic of plan.topics) lines.push(`  ${topic.name}  ${topic.role}  ${topic.partitions} partitions${configText(topic.config)}`);
  lines.push('', 'stores:');
  if (plan.stores.length === 0) lines.push('  (none)');
  for (const store of plan.stores)
    lines.push(`  ${store.id}  sub-topology ${store.subTopology}  changelog ${store.changelogTopic} (${store.partitions} partitions)`);
  return lines.join('\n');
}

/** The plan as JSON-safe data (no operator factories), for `sluice plan --json` and the HTTP layer. */
export function planAsData(plan: Plan) {
  return {
    pipelineId: plan.pipelineId,
    partitions: plan.partitions,
    subTopologies: plan.subTopologies,
    sources: plan.sources.map(({ node, topic, startFrom, partitioning, targets }) => ({ node, topic, startFrom, partitioning, targets })),
    stages: Object.values(plan.stages).map(({ spec: _spec, ...stage }) => stage),
    topics: plan.topics,
    stores: plan.stores,
    tasks: plan.tasks,
    dlqTopic: plan.dlqTopic,
  };
}
