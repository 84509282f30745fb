// The supervisor of one local service in one data folder: the only process that starts and stops
// it. Started (detached) by the first client that needs the service, it keeps the service alive
// (restarting what dies) for as long as any client holds a lease, and stops it when the last one
// is gone. See service-folder.ts for the files and attach.ts for the clients' side.
//   node --import tsx runtime/local/services/supervisor.ts <kafka|postgres> <dataDir> '<options as JSON>'
import { withExclusiveLock } from './exclusive-lock.ts';
import { IdleDecision } from './idle-decision.ts';
import { KafkaService } from './kafka-service.ts';
import type { ManagedService } from './managed-service.ts';
import { PostgresService } from './postgres-service.ts';
import { isRunning, type ProcessRef, processRef, ServiceFolder, type ServiceKind } from './service-folder.ts';

export interface SupervisorOptions {
  /** Kafka: how many nodes. */
  brokers?: number;
  port?: number;
  heap?: string;
  /** How long the service outlives a client that died, for it to come back. */
  lingerMs: number;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const say = (line: string) => console.log(`[${new Date().toISOString()}] ${line}`);

function serviceOf(kind: ServiceKind, dataDir: string, options: SupervisorOptions): ManagedService {
  switch (kind) {
    case 'kafka':
      return new KafkaService({ dataDir, brokers: options.brokers ?? 1, port: options.port, heap: options.heap }, say);
    case 'postgres':
      return new PostgresService({ dataDir, port: options.port }, say);
  }
}

/** The previous supervisor's processes may still be stopping (their watchdogs saw it die): the data folder is theirs until then. */
async function untilGone(processes: ProcessRef[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (processes.some(isRunning)) {
    if (Date.now() > deadline) {
      for (const ref of processes.filter(isRunning)) {
        say(`pid ${ref.pid} of the previous supervisor still runs after ${timeoutMs / 1000}s: killing it`);
        process.kill(ref.pid, 'SIGKILL');
      }
      return;
    }
    await sleep(200);
  }
}

async function supervise(kind: ServiceKind, dataDir: string, options: SupervisorOptions): Promise<number> {
  const folder = new ServiceFolder(kind, dataDir);
  const me = processRef(process.pid);
  // Under the lock: the client that started this process writes the state (with the previous supervisor's pids) while holding it.
  const previousPids = await withExclusiveLock(folder.lockFile, () => {
    const previous = folder.readState();
    return previous && previous.pid === process.pid ? (previous.previousPids ?? []) : [];
  });
  await untilGone(previousPids, 30_000);

  const service = serviceOf(kind, dataDir, options);
  let stopRequested: string | undefined;
  for (const signal of ['SIGTERM', 'SIGINT'] as const)
    process.on(signal, () => {
      stopRequested = signal;
    });
  process.on('SIGHUP', () => {});

  let endpoint: Awaited<ReturnType<ManagedService['start']>>;
  try {
    endpoint = await service.start();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const detail = (error as { logTail?: string }).logTail;
    say(`the service did not start: ${message}${detail ? `\n${detail}` : ''}`);
    folder.writeState({ kind, ...me, phase: 'failed', servicePids: [], error: { message, ...(detail ? { detail } : {}) } });
    await service.stop().catch(() => {});
    return 1;
  }
  const ready = () => folder.writeState({ kind, ...me, phase: 'ready', endpoint, servicePids: service.processes() });
  ready();
  say(`${kind} ready: ${JSON.stringify(endpoint)}; lingers ${options.lingerMs} ms after a client dies`);

  const idle = new IdleDecision(options.lingerMs);
  let lastPids = JSON.stringify(service.processes());
  for (;;) {
    await sleep(250);
    const pids = JSON.stringify(service.processes());
    if (pids !== lastPids) {
      lastPids = pids;
      ready();
    }
    if (stopRequested) {
      say(`${stopRequested}: stopping`);
      break;
    }
    // Under the lock, so that no client attaches between the decision to stop and the state saying so.
    const decision = await withExclusiveLock(folder.lockFile, () => {
      const { live, pruned } = folder.pruneLeases();
      for (const lease of pruned) say(`client pid ${lease.pid} is gone without detaching (${lease.command})`);
      const verdict = idle.observe(Date.now(), live.length, pruned.length);
      if (verdict === 'stop') folder.writeState({ kind, ...me, phase: 'stopping', endpoint, servicePids: service.processes() });
      return verdict;
    });
    if (decision === 'stop') {
      say('no client left: stopping');
      break;
    }
  }
  folder.writeState({ kind, ...me, phase: 'stopping', endpoint, servicePids: service.processes() });
  await service.stop();
  folder.writeState({ kind, ...me, phase: 'stopping', servicePids: [] });
  say('stopped');
  return 0;
}

const [kind, dataDir, optionsText] = process.argv.slice(2);
if ((kind !== 'kafka' && kind !== 'postgres') || !dataDir) {
  console.error('usage: supervisor.ts <kafka|postgres> <dataDir> <options JSON>');
  process.exit(2);
}
supervise(kind, dataDir, JSON.parse(optionsText ?? '{}') as SupervisorOptions).then(
  (code) => process.exit(code),
  (error: unknown) => {
    say(`the supervisor failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
