// The configuration files of one local KRaft node (broker and controller in one JVM).
import { join } from 'node:path';
import { defaultReplication } from '../../../shared/schema/topic-settings.ts';

export interface NodeAddress {
  nodeId: number;
  port: number;
  controllerPort: number;
}

/** `overrides` replace or add broker properties (tests make the retention check frequent, say). */
export function serverProperties(
  node: NodeAddress,
  voters: NodeAddress[],
  nodeDir: string,
  overrides: Record<string, string> = {},
): string {
  const { replicationFactor, minInsyncReplicas } = defaultReplication(voters.length);
  const lines = [
    'process.roles=broker,controller',
    `node.id=${node.nodeId}`,
    `controller.quorum.voters=${voters.map((voter) => `${voter.nodeId}@127.0.0.1:${voter.controllerPort}`).join(',')}`,
    `listeners=PLAINTEXT://127.0.0.1:${node.port},CONTROLLER://127.0.0.1:${node.controllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${node.port}`,
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=PLAINTEXT',
    'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    `log.dirs=${join(nodeDir, 'logs')}`,
    'num.partitions=1',
    // Topics created without settings (and the broker's own) get what the cluster can promise:
    // 3 replicas and 2 in sync on 3 brokers, so one broker can die without losing an acknowledged write.
    `default.replication.factor=${replicationFactor}`,
    `min.insync.replicas=${minInsyncReplicas}`,
    `offsets.topic.replication.factor=${replicationFactor}`,
    'offsets.topic.num.partitions=4',
    `transaction.state.log.replication.factor=${replicationFactor}`,
    `transaction.state.log.min.isr=${minInsyncReplicas}`,
    'transaction.state.log.num.partitions=4',
    `share.coordinator.state.topic.replication.factor=${replicationFactor}`,
    `share.coordinator.state.topic.min.isr=${minInsyncReplicas}`,
    'unclean.leader.election.enable=false',
    'group.initial.rebalance.delay.ms=0',
    'auto.create.topics.enable=false',
    // A local cluster: keep the log cleaner responsive for compacted topics.
    'log.cleaner.backoff.ms=1000',
  ];
  if (voters.length > 1) {
    // A killed node is noticed by its missed heartbeats only: fence it after 3 s (default 9 s), so the
    // partitions it led get new leaders while the API still waits for the write (5 s) instead of answering 503.
    lines.push('broker.session.timeout.ms=3000', 'broker.heartbeat.interval.ms=500');
  }
  const kept = lines.filter((line) => !((line.split('=')[0] ?? '') in overrides));
  return `${[...kept, ...Object.entries(overrides).map(([name, value]) => `${name}=${value}`)].join('\n')}\n`;
}

export function log4jConfig(logFile: string): string {
  return [
    'status = warn',
    'appender.file.type = File',
    'appender.file.name = file',
    `appender.file.fileName = ${logFile}`,
    'appender.file.layout.type = PatternLayout',
    'appender.file.layout.pattern = [%d] %p %m (%c)%n',
    'rootLogger.level = INFO',
    'rootLogger.appenderRef.file.ref = file',
    'logger.kafka.name = kafka',
    'logger.kafka.level = INFO',
    'logger.state.name = state.change.logger',
    'logger.state.level = WARN',
    '',
  ].join('\n');
}
