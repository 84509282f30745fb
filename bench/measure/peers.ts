// The peers' figures (Kafka Streams: the seed's topology and a hand-tuned processor, and
// the ceilings) from a results file of the peers' harness, given with `--peers <file>`,
// beside this run's own. The harness runs outside the project; the bench reads only the
// file it is handed. Its figures are from its own run (its input, its machine load):
// ratios of this run's Sluice to them are across runs; the file's own Sluice figure, when
// the harness ran this checkout, is the same-run comparison.
import { readFileSync } from 'node:fs';
import { type Figure, summarise } from './figures.ts';

export interface PeerSystem {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export interface PeerResults {
  file: string;
  date: string;
  reviews: number;
  systems: Record<string, PeerSystem>;
}

/** What the bench calls each system of the harness's `summary`. */
export const PEER_LABELS: Record<string, string> = {
  tuned: 'Kafka Streams, hand-tuned processor (cheap spam rules)',
  seed: "Kafka Streams, the seed's topology (hash spam, 91-day hop)",
  sluice: 'Sluice review-stats, 1 worker, in the peers run',
  'kafkajs-pass-through': 'kafkajs pass-through',
  'consumer-perf': "Kafka's ConsumerPerformance (reading only)",
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads the harness's results JSON; a file of another shape is an error that says what is missing. */
export function parsePeerResults(text: string, file: string): PeerResults {
  const data: unknown = JSON.parse(text);
  if (!isRecord(data) || !isRecord(data.summary)) throw new Error(`${file}: not a results file of the peers' harness (no summary)`);
  const systems: Record<string, PeerSystem> = {};
  for (const [name, entry] of Object.entries(data.summary)) {
    const rate = isRecord(entry) ? entry.recordsPerSecond : undefined;
    if (!isRecord(rate) || typeof rate.median !== 'number') continue;
    const number = (value: unknown) => (typeof value === 'number' ? value : (rate.median as number));
    systems[name] = {
      median: rate.median,
      min: number(rate.min),
      max: number(rate.max),
      runs: isRecord(entry) ? Number(entry.runs ?? 1) : 1,
    };
  }
  if (!systems.tuned) throw new Error(`${file}: the summary has no 'tuned' system`);
  const meta = isRecord(data.meta) ? data.meta : {};
  const date = file.match(/\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d/)?.[0] ?? '';
  return { file, date, reviews: Number(meta.n ?? Number.NaN), systems };
}

export function readPeerResults(file: string): PeerResults {
  return parsePeerResults(readFileSync(file, 'utf8'), file);
}

/** Table rows: each peer's records/s, and this run's Sluice figures as a share of the tuned processor and of the seed. */
export function peerFigures(peers: PeerResults, sluice: { label: string; recordsPerSecond: number[] }[]): Figure[] {
  const from = `peers' harness ${peers.date || peers.file}, ${peers.reviews.toLocaleString('en')} reviews`;
  const figures: Figure[] = [];
  for (const [name, system] of Object.entries(peers.systems)) {
    figures.push({
      ...summarise(`peer: ${PEER_LABELS[name] ?? name}`, 'records/s', [system.min, system.median, system.max]),
      runs: system.runs,
      note: from,
    });
  }
  const tuned = peers.systems.tuned?.median ?? Number.NaN;
  const seed = peers.systems.seed?.median ?? Number.NaN;
  const own = peers.systems.sluice;
  if (own) {
    figures.push(summarise('  Sluice / tuned processor, both in the peers run', '×', [own.median / tuned], 'same run; target ≥ 0.5'));
    if (Number.isFinite(seed))
      figures.push(summarise("  Sluice / seed's topology, both in the peers run", '×', [own.median / seed], 'same run; target ≥ 2'));
  }
  for (const { label, recordsPerSecond } of sluice) {
    figures.push(
      summarise(
        `  ${label} / tuned processor`,
        '×',
        recordsPerSecond.map((rate) => rate / tuned),
        'across runs: this bench vs the file',
      ),
    );
    if (Number.isFinite(seed))
      figures.push(
        summarise(
          `  ${label} / seed's topology`,
          '×',
          recordsPerSecond.map((rate) => rate / seed),
          'across runs: this bench vs the file',
        ),
      );
  }
  return figures;
}
