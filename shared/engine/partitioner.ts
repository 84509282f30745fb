// Kafka's default partitioner: murmur2 over the key's UTF-8 bytes, sign bit
// cleared, modulo the partition count. The Java client (Utils.murmur2) and
// kafkajs' DefaultPartitioner compute the same, so a record routed here lands
// where a Kafka producer would put it, and both drivers agree on task ownership.

const SEED = 0x9747b28c;
const M = 0x5bd1e995;
const encoder = new TextEncoder();

/** Java's `Utils.murmur2(byte[])`: a signed 32-bit integer (of the first `length` bytes, all by default). */
export function murmur2(data: Uint8Array, length = data.length): number {
  let h = SEED ^ length;
  const whole = length & ~3;
  for (let i = 0; i < whole; i += 4) {
    let k = (data[i] ?? 0) | ((data[i + 1] ?? 0) << 8) | ((data[i + 2] ?? 0) << 16) | ((data[i + 3] ?? 0) << 24);
    k = Math.imul(k, M);
    k ^= k >>> 24;
    k = Math.imul(k, M);
    h = Math.imul(h, M) ^ k;
  }
  const rest = length % 4;
  // The fall-through of Java's switch: each case adds one more trailing byte.
  if (rest >= 3) h ^= (data[whole + 2] ?? 0) << 16;
  if (rest >= 2) h ^= (data[whole + 1] ?? 0) << 8;
  if (rest >= 1) {
    h ^= data[whole] ?? 0;
    h = Math.imul(h, M);
  }
  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h | 0;
}

// Keys are encoded into one reused buffer: a fresh Uint8Array per record was a good share of a hop's garbage.
let keyBytes = new Uint8Array(256);

/** The partition Kafka's default partitioner picks for a non-null key. */
export function partitionForKey(key: string, partitions: number): number {
  // UTF-8 takes at most 3 bytes per UTF-16 code unit (a surrogate pair: 4 bytes for 2 units).
  if (keyBytes.length < key.length * 3) keyBytes = new Uint8Array(key.length * 3);
  const { written } = encoder.encodeInto(key, keyBytes);
  return (murmur2(keyBytes, written) & 0x7fffffff) % partitions;
}

/** cyrb53's last mixing of its two lanes, as 14 hex digits. */
function cyrb53Hex(lane1: number, lane2: number): string {
  let h1 = lane1;
  let h2 = lane2;
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/**
 * A stable, fast, non-cryptographic 53-bit hash as hex (cyrb53). For nodes that
 * need a short key for long text (duplicate detection) without node:crypto, so
 * the engine and the nodes also run in a browser.
 */
export function hashText(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  return cyrb53Hex(h1, h2);
}

/** `hashText(text, 0) + hashText(text, 1)`, in one pass over the text: a 106-bit key for texts of any length. */
export function hashTextTwice(text: string): string {
  let a1 = 0xdeadbeef;
  let a2 = 0x41c6ce57;
  let b1 = 0xdeadbeef ^ 1;
  let b2 = 0x41c6ce57 ^ 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    a1 = Math.imul(a1 ^ ch, 2654435761);
    a2 = Math.imul(a2 ^ ch, 1597334677);
    b1 = Math.imul(b1 ^ ch, 2654435761);
    b2 = Math.imul(b2 ^ ch, 1597334677);
  }
  return cyrb53Hex(a1, a2) + cyrb53Hex(b1, b2);
}
