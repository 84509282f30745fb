// LMDB trusts its files: opening one that is not an LMDB environment (a torn copy, a
// truncated or foreign file) crashes the process (SIGSEGV), so the files are checked
// before they are opened. This checks the two meta pages' magic number, which catches
// garbage and truncation; damage deep inside a well-formed file it cannot see.
import { closeSync, openSync, readSync, statSync } from 'node:fs';

const MAGIC = 0xbeefc0de;
/** Where lmdb-js 3 (LMDB 1.0's layout) keeps a meta page's magic: after its 24-byte page header. */
const MAGIC_OFFSET = 24;
const META_PAGES_BYTES = 64 * 1024;

/** True when there is no file yet (LMDB makes one) or it starts with two LMDB meta pages. */
export function lmdbFileLooksSound(path: string): boolean {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    return true;
  }
  if (size < 2 * 4096) return false;
  const head = Buffer.alloc(Math.min(size, META_PAGES_BYTES));
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  if (head.readUInt32LE(MAGIC_OFFSET) !== MAGIC) return false;
  // The second meta page starts one page in; the page size is not known here, so look for it.
  for (let page = 512; page + MAGIC_OFFSET + 4 <= head.length; page *= 2) {
    if (head.readUInt32LE(page + MAGIC_OFFSET) === MAGIC) return true;
  }
  return false;
}
