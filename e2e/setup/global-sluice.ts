// End-to-end tests run against the product as `npm start` runs it: its own
// broker, PostgreSQL and designer, on free ports, stopped when the run ends.
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    sluiceUrl: string;
  }
}

const repoRoot = resolve(import.meta.dirname, '../..');

function waitForUrl(child: ChildProcess, output: () => string, timeoutMs: number): Promise<string> {
  return new Promise((done, fail) => {
    const timer = setInterval(() => {
      const url = output().match(/running at (http:\/\/\S+)/)?.[1];
      if (url) {
        clearInterval(timer);
        done(url);
      } else if (child.exitCode !== null) {
        clearInterval(timer);
        fail(new Error(`sluice exited:\n${output()}`));
      }
    }, 100);
    setTimeout(() => {
      clearInterval(timer);
      fail(new Error(`sluice did not start within ${timeoutMs} ms:\n${output()}`));
    }, timeoutMs);
  });
}

export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(join(tmpdir(), 'sluice-e2e-'));
  chmodSync(dataDir, 0o755);
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
  const url = await waitForUrl(child, () => output, 180_000);
  project.provide('sluiceUrl', url);
  return async () => {
    child.kill('SIGINT');
    await new Promise((done) => (child.exitCode !== null ? done(null) : child.once('exit', done)));
    rmSync(dataDir, { recursive: true, force: true });
  };
}
