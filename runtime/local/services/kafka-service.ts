// The local Kafka cluster (1 or more nodes) under a supervisor: a node that dies is started again
// on the same ports, so clients' bootstrap lists stay valid and their kafkajs clients reconnect.
import { type LocalCluster, startLocalCluster } from '../kafka/cluster.ts';
import type { KafkaNode } from '../kafka/kafka-node.ts';
import { type ManagedService, restartDelayMs } from './managed-service.ts';
import { type ProcessRef, processRef, type ServiceEndpoint } from './service-folder.ts';

export interface KafkaServiceOptions {
  dataDir: string;
  brokers: number;
  port?: number;
  heap?: string;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

export class KafkaService implements ManagedService {
  private cluster: LocalCluster | undefined;
  private stopping = false;

  constructor(
    private readonly options: KafkaServiceOptions,
    private readonly say: (line: string) => void,
  ) {}

  async start(): Promise<ServiceEndpoint> {
    const cluster = await startLocalCluster({ ...this.options, log: this.say });
    this.cluster = cluster;
    for (const node of cluster.nodes) node.onUnexpectedExit((how) => void this.restart(node, how));
    return { kind: 'kafka', brokers: cluster.brokers, brokerCount: cluster.nodes.length };
  }

  processes(): ProcessRef[] {
    return (this.cluster?.nodes ?? []).flatMap((node) => (node.pid === undefined ? [] : [processRef(node.pid)]));
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.cluster?.stop();
  }

  private async restart(node: KafkaNode, how: string): Promise<void> {
    this.say(`Kafka broker ${node.nodeId} exited (${how}); starting it again on port ${node.port}`);
    for (let attempt = 1; !this.stopping; attempt++) {
      await sleep(restartDelayMs(attempt));
      if (this.stopping) return;
      try {
        const began = Date.now();
        await node.start();
        this.say(`Kafka broker ${node.nodeId} is back after ${((Date.now() - began) / 1000).toFixed(1)}s`);
        return;
      } catch (error) {
        this.say(
          `Kafka broker ${node.nodeId} did not start (attempt ${attempt}): ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  }
}
