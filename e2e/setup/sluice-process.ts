// One Sluice as `npm start` runs it (its own broker, PostgreSQL and designer, on free ports), for the global setup
// and for the journeys that need one of their own (API_TOKEN set, say).
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { processesMentioning, waitUntil } from '../../integration/setup/processes.ts';
import { runtimeArgs } from '../../tools/runtime-bundle.mjs';

const repoRoot = resolve(import.meta.dirname, '../..');

export type RunningSluice = { url: string; stop(): Promise<void> };

function waitForUrl(child: ChildProcess, output: () => string, timeoutMs: number): Promise<string> {
  return new Promise((done, fail) => {
    const stop = () => {
      clearInterval(poll);
      clearTimeout(deadline);
    };
    const poll = setInterval(() => {
      const url = output().match(/running at (http:\/\/\S+)/)?.[1];
      if (url) {
        stop();
        done(url);
      } else if (child.exitCode !== null) {
        stop();
        fail(new Error(`sluice exited:\n${output()}`));
      }
    }, 100);
    const deadline = setTimeout(() => {
      stop();
      fail(new Error(`sluice did not start within ${timeoutMs} ms:\n${output()}`));
    }, timeoutMs);
  });
}

/** Starts `sluice start` in a data folder of its own, with `env` on top of the usual; resolves once it serves. */
export async function startSluice(env: Record<string, string> = {}): Promise<RunningSluice> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sluice-e2e-'));
  chmodSync(dataDir, 0o755);
  let output = '';
  // Bundled, as `npm start` runs it.
  const child = spawn(process.execPath, [...runtimeArgs(repoRoot), 'start'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      SLUICE_DATA_DIR: dataDir,
      PORT: '0',
      KAFKA_BROKERS: '',
      DATABASE_URL: '',
      SLUICE_KAFKA_PORT: '0',
      SLUICE_POSTGRES_PORT: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGINT');
    await new Promise((done) => (child.exitCode !== null ? done(null) : child.once('exit', done)));
    // Ctrl-C on the only Sluice process of a data folder stops its broker and PostgreSQL: nothing may survive.
    const gone = await waitUntil(() => processesMentioning(dataDir).length === 0, 30_000);
    const left = processesMentioning(dataDir);
    for (const pid of left) process.kill(pid, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    if (!gone) throw new Error(`processes of ${dataDir} survived sluice start's Ctrl-C: ${left.join(', ')}`);
  };
  try {
    return { url: await waitForUrl(child, () => output, 180_000), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
