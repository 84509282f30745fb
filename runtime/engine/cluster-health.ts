/** Whether the runtime can reach its cluster, as a driver reports it. */
export type ClusterHealth = { connected: true; brokers: string[] } | { connected: false; brokers: string[]; reason: string };
