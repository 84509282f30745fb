// What a preview takes and gives back. Kept apart from run-preview.ts, so the panel can name these types without
// pulling the engine into the first load.
import type { MemoryInput } from '../../shared/engine/memory-driver.ts';
import type { NodeType } from '../../shared/index.ts';
import type { SpamReason } from '../../shared/nodes/spam-filter/reason.ts';

/** The records put on every source topic, and the fake clock's time when they arrive. */
export type PreviewInput = { records: MemoryInput[]; clock: number };

/** A validation or compile issue: why the preview could not run at all. */
export type PreviewIssue = { code: string; path: string; nodeId?: string | undefined; message: string };

export type NodePreview = {
  nodeId: string;
  nodeType: NodeType;
  /** Records the node took in (a source: records it read). */
  received: number;
  /** What it emitted on each of its output ports, in order (null is a tombstone). */
  outputs: Array<{ port: string; values: unknown[] }>;
  /** A sink's result: the records on its topic, or the rows its table would hold. */
  written?: { kind: 'topic' | 'table'; name: string; values: unknown[] } | undefined;
  dropped: Array<{ reason: string; value: unknown }>;
  deadLettered: Array<{ reason: string; error: string }>;
};

/** A review a spam filter sent to `spam`, with the reasons it gave. */
export type SpamVerdict = { nodeId: string; id: string; title: string; reasons: SpamReason[] };

export type PreviewResult =
  | { status: 'ok'; nodes: NodePreview[]; spam: SpamVerdict[] }
  | { status: 'invalid'; issues: PreviewIssue[] }
  | { status: 'failed'; message: string };
