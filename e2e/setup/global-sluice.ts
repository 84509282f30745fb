// End-to-end tests run against the product as `npm start` runs it: its own
// broker, PostgreSQL and designer, on free ports, stopped when the run ends.
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { processesMentioning, waitUntil } from '../../integration/setup/processes.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    sluiceUrl: string;
  }
}

const repoRoot = resolve(import.meta.dirname, '../..');

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

async function startSluice(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'runtime/cli/main.ts'), 'start'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      SLUICE_DATA_DIR: dataDir,
      PORT: '0',
      KAFKA_BROKERS: '',
      DATABASE_URL: '',
      SLUICE_KAFKA_PORT: '0',
      SLUICE_POSTGRES_PORT: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  return { child, url: await waitForUrl(child, () => output, 180_000) };
}

export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(join(tmpdir(), 'sluice-e2e-'));
  chmodSync(dataDir, 0o755);
  const { child, url } = await startSluice(dataDir);
  project.provide('sluiceUrl', url);
  return async () => {
    child.kill('SIGINT');
    await new Promise((done) => (child.exitCode !== null ? done(null) : child.once('exit', done)));
    // Ctrl-C on the only Sluice process of a data folder stops its broker and PostgreSQL: nothing may survive.
    const gone = await waitUntil(() => processesMentioning(dataDir).length === 0, 30_000);
    const left = processesMentioning(dataDir);
    for (const pid of left) process.kill(pid, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    if (!gone) throw new Error(`processes of ${dataDir} survived sluice start's Ctrl-C: ${left.join(', ')}`);
  };
}
