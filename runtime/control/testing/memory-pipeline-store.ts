// Desired state in a Map, for unit tests of the registry and the supervisor: the store is plain storage, and the
// Kafka one (runtime/kafka/kafka-pipeline-store.ts) is tested against a real broker in integration/.
import type { DeploymentRecord, PipelineStore } from '../pipeline-store.ts';

export class MemoryPipelineStore implements PipelineStore {
  readonly records = new Map<string, DeploymentRecord>();
  writes = 0;
  async load() {
    return new Map(this.records);
  }
  async put(record: DeploymentRecord) {
    this.writes++;
    this.records.set(record.id, record);
  }
  async remove(id: string) {
    this.records.delete(id);
  }
  async watch() {
    return async () => {};
  }
}
