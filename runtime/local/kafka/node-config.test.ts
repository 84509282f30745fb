import { describe, expect, it } from 'vitest';
import { serverProperties } from './node-config.ts';

const voters = [1, 2, 3].map((nodeId) => ({ nodeId, port: 9091 + nodeId, controllerPort: 19091 + nodeId }));
const properties = (text: string) =>
  Object.fromEntries(
    text
      .trim()
      .split('\n')
      .map((line) => line.split('=', 2) as [string, string]),
  );

describe('the configuration of a local KRaft node', () => {
  it('makes a node of three a voter of a three-node quorum, with three replicas and two in sync for the broker’s own topics', () => {
    const config = properties(serverProperties(voters[1] as (typeof voters)[number], voters, '/data/node-2'));
    expect(config).toMatchObject({
      'node.id': '2',
      'controller.quorum.voters': '1@127.0.0.1:19092,2@127.0.0.1:19093,3@127.0.0.1:19094',
      'default.replication.factor': '3',
      'min.insync.replicas': '2',
      'offsets.topic.replication.factor': '3',
      'transaction.state.log.replication.factor': '3',
      'transaction.state.log.min.isr': '2',
      'broker.session.timeout.ms': '3000',
    });
  });

  it('keeps a single node at one replica, and lets overrides replace or add properties', () => {
    const [only] = voters;
    if (!only) throw new Error('no voter');
    const config = properties(
      serverProperties(only, [only], '/data', { 'log.retention.check.interval.ms': '1000', 'num.partitions': '2' }),
    );
    expect(config).toMatchObject({ 'offsets.topic.replication.factor': '1', 'transaction.state.log.min.isr': '1', 'num.partitions': '2' });
    expect(config['log.retention.check.interval.ms']).toBe('1000');
    expect(config['broker.session.timeout.ms']).toBeUndefined();
  });
});
