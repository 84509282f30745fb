// GET /metrics in Prometheus' text format, from the engine's snapshots (prom-client renders it).
import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Registry } from 'prom-client';
import { COUNTER_NAMES } from '../../../shared/engine/metrics.ts';
import type { PipelineControl } from '../../control/runtime-control.ts';

const help: Record<string, string> = {
  sluice_records_in_total: 'Records a node stage took in.',
  sluice_records_out_total: 'Records a node stage sent out, per port.',
  sluice_records_forwarded_total: 'Records a node stage passed on.',
  sluice_records_dropped_total: 'Records a rule dropped (counted, on purpose).',
  sluice_errors_total: 'Errors while processing records.',
  sluice_records_dead_lettered_total: 'Records sent to the dead-letter topic.',
  sluice_records_unaccounted_total: 'Records neither sent, dropped nor dead-lettered (should stay 0).',
};

export function prometheusRoute(app: FastifyInstance, control: PipelineControl): void {
  app.get('/metrics', async (_request, reply) => {
    const registry = new Registry();
    const snapshots = control.snapshots();
    const labelNames = ['pipeline', 'node', 'stage', 'port', 'store', 'task', 'partition'];
    for (const name of COUNTER_NAMES) {
      const counter = new Counter({ name, help: help[name] ?? name, labelNames, registers: [registry] });
      for (const { pipelineId, snapshot } of snapshots) {
        for (const series of snapshot.counters.filter((c) => c.name === name))
          counter.inc({ pipeline: pipelineId, ...series.labels }, series.total);
      }
    }
    const gauges = new Map<string, Gauge>();
    for (const { pipelineId, snapshot } of snapshots) {
      for (const series of snapshot.gauges) {
        let gauge = gauges.get(series.name);
        if (!gauge) {
          gauge = new Gauge({ name: series.name, help: series.name.replaceAll('_', ' '), labelNames, registers: [registry] });
          gauges.set(series.name, gauge);
        }
        gauge.set({ pipeline: pipelineId, ...series.labels }, series.value);
      }
    }
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}
