// A process of exclusive-lock.test.ts: adds 1 to a counter file `times` times, each read-wait-write under the lock.
import { readFileSync, writeFileSync } from 'node:fs';
import { withExclusiveLock } from './exclusive-lock.ts';

const [lockFile, counterFile, times] = process.argv.slice(2);
if (!lockFile || !counterFile) throw new Error('usage: exclusive-lock.child.ts <lock> <counter> <times>');
for (let i = 0; i < Number(times); i++) {
  await withExclusiveLock(lockFile, async () => {
    const value = Number(readFileSync(counterFile, 'utf8'));
    await new Promise((done) => setTimeout(done, 2));
    writeFileSync(counterFile, String(value + 1));
  });
}
