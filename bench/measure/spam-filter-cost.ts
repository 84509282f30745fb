// The spam filter's per-record cost on one core: review-stats' spamFilter node (all its stages, with and without the
// classifier) run in the engine's in-memory driver over the generated reviews, against the same pipeline without the
// filter (source → sink), so the engine's own share can be taken off. CPU time of this process, not wall time: the
// machine is shared, and a single-threaded run uses one core whatever else is running.

import { readPipelineResource } from '../../runtime/cli/resources.ts';
import { MemoryDriver, type MemoryInput } from '../../shared/engine/memory-driver.ts';
import { validatePipeline } from '../../shared/index.ts';
import { compilePipeline } from '../../shared/nodes/index.ts';
import type { LoadOperation } from '../load/traffic.ts';
import { reviewStatsForRun } from './bench-pipeline.ts';

export interface SpamFilterCost {
  records: number;
  /** Records per CPU-second through source → spamFilter → sinks, classifier on and off, and source → sink alone. */
  nodeRecordsPerSecond: { classifierOn: number; classifierOff: number; withoutFilter: number };
  /** The filter's own CPU per record (the pipeline's minus the one without the filter), in microseconds. */
  filterMicrosPerRecord: { classifierOn: number; classifierOff: number };
  /** What the duplicate stage remembers after the run: texts, and bytes per text (its entry, as JSON). */
  duplicateState: { texts: number; bytesPerText: number };
}

type Variant = 'classifierOn' | 'classifierOff' | 'withoutFilter';

/** review-stats' own spam-filter config, with the classifier as given, between a source and two topic sinks. */
function pipelineFor(variant: Variant): unknown {
  const shipped = reviewStatsForRun('spam-cost').pipeline.nodes.find((node) => node.id === 'spamFilter');
  if (!shipped) throw new Error('review-stats has no spamFilter node');
  const config = structuredClone(shipped.config) as { rules: { classifier: { enabled: boolean } } };
  config.rules.classifier.enabled = variant === 'classifierOn';
  const source = { id: 'reviews', type: 'source.kafka', config: { topic: 'reviews', keyField: 'id', eventTimeField: 'createdAt' } };
  const sink = (id: string, topic: string) => ({ id, type: 'sink.kafka', config: { topic } });
  const edge = (from: string, port: string, to: string) => ({ from: { node: from, port }, to: { node: to, port: 'in' } });
  if (variant === 'withoutFilter')
    return {
      format: 1,
      id: 'spam-cost',
      name: 'spam-cost',
      nodes: [source, sink('valid', 'valid')],
      edges: [edge('reviews', 'out', 'valid')],
    };
  return {
    format: 1,
    id: 'spam-cost',
    name: 'spam-cost',
    nodes: [source, { id: 'spamFilter', type: 'spam-filter', config }, sink('valid', 'valid'), sink('spam', 'spam')],
    edges: [edge('reviews', 'out', 'spamFilter'), edge('spamFilter', 'valid', 'valid'), edge('spamFilter', 'spam', 'spam')],
  };
}

function driverFor(variant: Variant): MemoryDriver {
  const validation = validatePipeline(pipelineFor(variant));
  if (!validation.ok) throw new Error(`spam-cost pipeline: ${JSON.stringify(validation.issues)}`);
  const compiled = compilePipeline(validation.pipeline, { defaultPartitions: 1, env: { readResource: readPipelineResource } });
  if (!compiled.ok) throw new Error(`spam-cost pipeline: ${JSON.stringify(compiled.issues)}`);
  return new MemoryDriver(compiled.plan, { startTime: Date.now() });
}

const inputOf = (operation: LoadOperation): MemoryInput =>
  operation.kind === 'put' ? { key: operation.review.id, value: { ...operation.review } } : { key: operation.id, value: null };

/** CPU seconds (user + system) to push the inputs through a fresh driver, 500 at a time as a consumer batch would. */
function run(variant: Variant, inputs: MemoryInput[]): { seconds: number; driver: MemoryDriver } {
  const driver = driverFor(variant);
  const began = process.cpuUsage();
  for (let start = 0; start < inputs.length; start += 500) driver.send('reviews', inputs.slice(start, start + 500));
  const used = process.cpuUsage(began);
  return { seconds: (used.user + used.system) / 1e6, driver };
}

function duplicateState(driver: MemoryDriver): SpamFilterCost['duplicateState'] {
  const stats = driver.tasks.flatMap((task) => task.storeStats()).filter((entry) => entry.store === 'spamFilter.texts');
  const keys = stats.reduce((sum, entry) => sum + entry.keys, 0);
  const bytes = stats.reduce((sum, entry) => sum + entry.bytes, 0);
  return { texts: keys, bytesPerText: keys === 0 ? 0 : bytes / keys };
}

export function measureSpamFilterCost(operations: readonly LoadOperation[], records: number): SpamFilterCost {
  const inputs = operations.slice(0, records).map(inputOf);
  // One warm-up pass of each variant, so the JIT has compiled the hot paths before anything is timed.
  const warmUp = inputs.slice(0, Math.min(inputs.length, 2000));
  for (const variant of ['classifierOn', 'classifierOff', 'withoutFilter'] as const) run(variant, warmUp);
  const classifierOn = run('classifierOn', inputs);
  const on = classifierOn.seconds;
  const off = run('classifierOff', inputs).seconds;
  const without = run('withoutFilter', inputs).seconds;
  const perSecond = (seconds: number) => inputs.length / seconds;
  const micros = (seconds: number) => Math.max(0, ((seconds - without) / inputs.length) * 1e6);
  return {
    records: inputs.length,
    nodeRecordsPerSecond: { classifierOn: perSecond(on), classifierOff: perSecond(off), withoutFilter: perSecond(without) },
    filterMicrosPerRecord: { classifierOn: micros(on), classifierOff: micros(off) },
    duplicateState: duplicateState(classifierOn.driver),
  };
}
