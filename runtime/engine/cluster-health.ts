/**
 * Whether the runtime can reach its cluster, as a driver reports it. `degraded` says why a cluster that takes
 * writes is not whole (a broker down, partitions with fewer in-sync replicas than replicas).
 */
export type ClusterHealth =
  | { connected: true; brokers: string[]; degraded?: string }
  | { connected: false; brokers: string[]; reason: string };
