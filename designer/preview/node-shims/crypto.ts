// The preview runs the runtime's node implementations in the browser; the spam filter's duplicate-text rule hashes
// texts with node:crypto's createHash. vite.config.ts points node:crypto here for the designer's build. The keys come
// from the engine's own text hash instead of SHA-1: they only name store entries inside one preview run, where any
// stable hash does.
import { hashText } from '../../../runtime/engine/partitioner.ts';

type Hash = { update(text: string): Hash; digest(encoding: 'hex'): string };

export function createHash(_algorithm: string): Hash {
  let text = '';
  const hash: Hash = {
    update(more) {
      text += more;
      return hash;
    },
    digest: () => hashText(text),
  };
  return hash;
}
