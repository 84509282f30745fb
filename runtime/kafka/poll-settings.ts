// How long the runtime's consumers let the broker hold a fetch that finds nothing. A fetch returns as soon as a
// record is there (minBytes is 1), so a long wait costs no latency; a short one only makes an idle consumer ask
// again and again: at 25 ms, the default pipeline's worker asked 40 times a second, for nothing, and the broker answered.
// Measured on the local broker with a 5 s wait: a read_committed consumer had a transactional record 20 ms after its
// commit (the commit marker completes the waiting fetch), a plain one 4 to 15 ms after the write.

/** The pipeline's consumer group: its heartbeats ride on the fetch loop, so the wait stays well under the session timeout. */
export const PIPELINE_FETCH_WAIT_MS = 1000;
/** Heartbeats of a pipeline's members: a third of the 10 s session timeout, as Kafka advises. */
export const PIPELINE_HEARTBEAT_MS = 3000;
/** Followers of compacted topics (the views, the desired state, the metrics counters): single-member groups. */
export const FOLLOWER_FETCH_WAIT_MS = 5000;
