// `npm start` as a person uses it: its own broker, the designer, health, and Ctrl-C.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exitOf, processesMentioning, spawnSluice, waitUntil } from '../setup/processes.ts';

const dataDirs: string[] = [];
afterEach(() => {
  for (const dir of dataDirs.splice(0)) {
    for (const pid of processesMentioning(dir)) process.kill(pid, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});

async function startSluice() {
  const dataDir = mkdtempSync(join(tmpdir(), 'sluice-start-'));
  chmodSync(dataDir, 0o755); // PostgreSQL, run as root, switches to a user of its own that must reach it
  dataDirs.push(dataDir);
  const env: Record<string, string> = {
    SLUICE_DATA_DIR: dataDir,
    PORT: '0',
    KAFKA_BROKERS: '',
    DATABASE_URL: '',
    SLUICE_KAFKA_PORT: '0',
    SLUICE_POSTGRES_PORT: '0',
    // How long the broker and PostgreSQL wait for a killed runtime to come back (60 s by default).
    SLUICE_SERVICES_LINGER_MS: '3000',
  };
  const run = spawnSluice(['start'], env);
  const started = await waitUntil(() => /running at (http:\/\/\S+)/.test(run.output()) || run.child.exitCode !== null, 120_000);
  const url = run.output().match(/running at (http:\/\/\S+)/)?.[1];
  if (!started || !url) throw new Error(`sluice did not start:\n${run.output()}`);
  return { ...run, url, dataDir };
}

describe('npm start', () => {
  it('serves the designer and reports Kafka connected, and Ctrl-C leaves no broker or database behind', async () => {
    const sluice = await startSluice();
    const health = await fetch(`${sluice.url}/api/health`);
    expect(health.status).toBe(200);
    const body = (await health.json()) as { status: string; kafka: { connected: boolean; brokers: string[] } };
    expect(body.status).toBe('ok');
    expect(body.kafka.connected).toBe(true);
    expect(body.kafka.brokers.length).toBeGreaterThan(0);

    const page = await fetch(`${sluice.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');

    expect(processesMentioning(sluice.dataDir).length).toBeGreaterThan(1); // the broker and PostgreSQL run
    sluice.child.kill('SIGINT');
    expect(await exitOf(sluice.child)).toBe(0);
    const gone = await waitUntil(() => processesMentioning(sluice.dataDir).length === 0, 30_000);
    expect(processesMentioning(sluice.dataDir)).toEqual([]);
    expect(gone).toBe(true);
  });

  it('leaves no broker or database behind even when the runtime is killed with SIGKILL, once the grace period is over', async () => {
    const sluice = await startSluice();
    expect(processesMentioning(sluice.dataDir).length).toBeGreaterThan(0);
    sluice.child.kill('SIGKILL');
    await exitOf(sluice.child);
    const gone = await waitUntil(() => processesMentioning(sluice.dataDir).length === 0, 45_000);
    expect(gone).toBe(true);
  });
});
