import { type SpamModel, WEIGHT_UNIT } from './model.ts';

// A model's kept weights by bucket in an open-addressed table of typed arrays: scoring a text looks up every one of
// its few hundred features, and a Map<number, number> lookup plus a Set<number> to count each bucket once cost more
// than all the rest of the classifier. The table also stamps the buckets a text has already counted, so counting
// each distinct bucket once needs no set per text.

const EMPTY = 0;
const GOLDEN = 0x9e3779b1; // Fibonacci hashing spreads the buckets' low bits over the table

export class WeightTable {
  /** bucket + 1 per slot (0: empty). */
  private readonly keys: Int32Array;
  private readonly weights: Float64Array;
  /** Per slot, the number of the text that last counted it. */
  private readonly counted: Uint32Array;
  private readonly shift: number;
  private readonly slotMask: number;
  private text = 0;

  constructor(entries: readonly (readonly [bucket: number, weight: number])[]) {
    let bits = 4;
    while (1 << bits < entries.length * 2) bits++; // at most half full: probes stay short
    this.keys = new Int32Array(1 << bits);
    this.weights = new Float64Array(1 << bits);
    this.counted = new Uint32Array(1 << bits);
    this.shift = 32 - bits;
    this.slotMask = (1 << bits) - 1;
    for (const [bucket, weight] of entries) {
      const slot = this.slotOf(bucket);
      this.keys[slot] = bucket + 1;
      this.weights[slot] = weight;
    }
  }

  /** The slot holding the bucket, or the empty slot where it would go. */
  private slotOf(bucket: number): number {
    let slot = Math.imul(bucket, GOLDEN) >>> this.shift;
    for (;;) {
      const key = this.keys[slot] as number;
      if (key === EMPTY || key === bucket + 1) return slot;
      slot = (slot + 1) & this.slotMask;
    }
  }

  /** The slot of a bucket the model kept, or -1. */
  keptSlot(bucket: number): number {
    const slot = this.slotOf(bucket);
    return this.keys[slot] === EMPTY ? -1 : slot;
  }

  /** The bucket's weight; undefined when the model did not keep it. */
  get(bucket: number): number | undefined {
    const slot = this.slotOf(bucket);
    return this.keys[slot] === EMPTY ? undefined : this.weights[slot];
  }

  /** The number of the text being counted: changes with every startText. */
  get currentText(): number {
    return this.text;
  }

  /** Starts counting a new text: every bucket counts once again. */
  startText(): void {
    this.text++;
    if (this.text === 0xffffffff) {
      this.counted.fill(0);
      this.text = 1;
    }
  }

  /** The bucket's weight the first time the current text asks for it; 0 after that, and for a bucket not kept. */
  countOnce(bucket: number): number {
    const slot = this.slotOf(bucket);
    return this.keys[slot] === EMPTY ? 0 : this.countSlotOnce(slot);
  }

  /** The same for a slot keptSlot gave. */
  countSlotOnce(slot: number): number {
    if (this.counted[slot] === this.text) return 0;
    this.counted[slot] = this.text;
    return this.weights[slot] as number;
  }
}

const tables = new WeakMap<SpamModel, WeightTable>();

/** The model's weight table, built once per model. */
export function weightTableOf(model: SpamModel): WeightTable {
  let table = tables.get(model);
  if (table === undefined) {
    const entries: [number, number][] = [];
    let bucket = 0;
    for (let index = 0; index < model.bucketDeltas.length; index++) {
      bucket += model.bucketDeltas[index] as number;
      entries.push([bucket, (model.weights[index] as number) * WEIGHT_UNIT]);
    }
    table = new WeightTable(entries);
    tables.set(model, table);
  }
  return table;
}
