#!/usr/bin/env node
// Entry point of every npm script that must work on a fresh clone: it installs
// what is missing (node modules, the Kafka jars) and then runs the real command.
// Plain JavaScript on purpose: it runs before TypeScript tooling is installed.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const stampFile = join(root, 'node_modules', '.sluice-lock-hash');

/** What node_modules must have been installed from: the lock file, and the patches applied on install (patch-package). */
function lockHash() {
  const hash = createHash('sha256').update(readFileSync(join(root, 'package-lock.json')));
  const patches = join(root, 'patches');
  for (const file of existsSync(patches) ? readdirSync(patches).sort() : []) hash.update(file).update(readFileSync(join(patches, file)));
  return hash.digest('hex');
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.error) {
    console.error(`sluice: could not run ${command}: ${result.error.message}`);
    process.exit(1);
  }
  return result.status ?? 1;
}

function ensureNodeModules() {
  const wanted = lockHash();
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === wanted) return;
  console.log('sluice: installing node modules (npm ci)');
  if (run('npm', ['ci', '--no-audit', '--no-fund']) !== 0) process.exit(1);
  writeFileSync(stampFile, wanted);
}

const tsNode = [process.execPath, '--import', 'tsx'];

/** Runs a TypeScript entry point (through tsx) as runNode does. */
function runTs(file, args, options) {
  runNode([...tsNode.slice(1), join(root, file), ...args], options);
}

/** The runtime runs bundled (tools/runtime-bundle.mjs): bundled afresh at every launch, in about 0.1 s. */
async function runRuntime(args, options) {
  const { runtimeArgs } = await import('./runtime-bundle.mjs');
  runNode([...runtimeArgs(root), ...args], options);
}

/**
 * Runs node as a child that owns the terminal's signals. With `restartWhenKilled` (npm start), a child
 * killed by a signal we did not pass on (SIGKILL, the OOM killer, a crash) is started again: the local
 * broker and PostgreSQL belong to their own supervisors and keep running meanwhile.
 */
function runNode(nodeArgs, { restartWhenKilled = false } = {}) {
  let child;
  let stopping = false;
  const kills = [];
  const launch = () => {
    child = spawn(process.execPath, nodeArgs, { cwd: process.cwd(), stdio: 'inherit' });
    child.on('exit', (code, signal) => {
      const killed = restartWhenKilled && !stopping && signal !== null && signal !== 'SIGINT' && signal !== 'SIGTERM';
      if (killed) {
        const now = Date.now();
        kills.push(now);
        while (kills.length > 0 && now - kills[0] > 60_000) kills.shift();
        if (kills.length <= 5) {
          console.error(`sluice: the runtime was killed (${signal}); starting it again`);
          launch();
          return;
        }
        console.error('sluice: the runtime was killed 6 times within a minute; not starting it again');
      }
      process.exit(code ?? (signal === 'SIGINT' ? 130 : 1));
    });
  };
  // Ctrl-C reaches the child directly (same process group); a signal sent to us alone is passed on.
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      stopping = true;
      if (child.exitCode === null) child.kill(signal);
    });
  }
  launch();
}

function step(name, command, args) {
  console.log(`sluice test: ${name}`);
  const status = run(command, args);
  if (status !== 0) {
    console.error(`sluice test: ${name} failed`);
    process.exit(status);
  }
}

const [command, ...args] = process.argv.slice(2);
ensureNodeModules();
const bin = (name) => join(root, 'node_modules', '.bin', name);

switch (command) {
  case 'start':
    await runRuntime(['start', ...args], { restartWhenKilled: true });
    break;
  case 'sluice':
    // The traffic generator lives with the bench (the runtime knows no reviews), but `sluice load` is how the
    // peers' harness (and issue 15) fill a topic: the same command as `npm run load`.
    if (args[0] === 'load') runTs('bench/load/main.ts', args.slice(1));
    else await runRuntime(args);
    break;
  case 'bench':
    runTs('bench/main.ts', args);
    break;
  case 'load':
    runTs('bench/load/main.ts', args);
    break;
  case 'test':
    if (!process.env.KAFKA_BROKERS)
      step('local Kafka prerequisites', tsNode[0], [...tsNode.slice(1), join(root, 'tools/kafka/prepare.ts')]);
    step('lint (biome)', bin('biome'), ['check', '.']);
    step('typecheck (tsc)', bin('tsc'), ['-p', 'tsconfig.json']);
    step('typecheck shared/ without DOM or Node types', bin('tsc'), ['-p', 'shared/tsconfig.json']);
    step('build designer', bin('vite'), ['build', '--logLevel', 'warn']);
    step('tests (vitest)', bin('vitest'), ['run', ...args]);
    break;
  case 'test:cluster':
    // A local 3-broker cluster per test file, brokers killed and restarted: minutes, so apart from `npm test`.
    if (process.env.KAFKA_BROKERS) console.log('sluice test: KAFKA_BROKERS is ignored: these tests start 3-broker clusters of their own');
    step('local Kafka prerequisites', tsNode[0], [...tsNode.slice(1), join(root, 'tools/kafka/prepare.ts')]);
    step('tests on a 3-broker cluster (vitest.cluster.config.ts)', bin('vitest'), ['run', '--config', 'vitest.cluster.config.ts', ...args]);
    break;
  default:
    console.error(`sluice: unknown launcher command ${command ?? '(none)'}`);
    process.exit(2);
}
