/**
 * Whether the runtime can write to its cluster, as a driver reports it: connected (possibly `degraded`, with the
 * reason, while writes still succeed: a broker down in a replicated cluster) or not (writes would fail).
 */
export type ClusterHealth =
  | { connected: true; brokers: string[]; degraded?: string }
  | { connected: false; brokers: string[]; reason: string };
