// Ties another process's life to ours: when our stdin closes (the parent stopped,
// or was killed with SIGKILL), the process gets SIGTERM (or --signal), then SIGKILL.
// This is what guarantees that no broker JVM or PostgreSQL outlives `npm start`.
//   node watchdog.mjs [--pid-file F] <command> [args...]  run the command and watch over it (its pid written to F)
//   node watchdog.mjs --pid <pid> [--signal SIG]          watch over a process started elsewhere
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const graceMs = Number(process.env.SLUICE_WATCHDOG_GRACE_MS ?? 20000);
const pidFile = process.argv[2] === '--pid-file' ? process.argv[3] : undefined;
const argv = process.argv.slice(pidFile ? 4 : 2);

function option(name) {
  const index = argv.indexOf(name);
  return index >= 0 ? argv[index + 1] : undefined;
}

const watchedPid = option('--pid');
const signal = option('--signal') ?? 'SIGTERM';
const child = watchedPid ? undefined : spawn(argv[0], argv.slice(1), { stdio: ['ignore', 'inherit', 'inherit'] });
const pid = watchedPid ? Number(watchedPid) : child.pid;
if (pidFile && child?.pid) writeFileSync(pidFile, String(child.pid));

function alive() {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  if (alive()) process.kill(pid, signal);
  const deadline = Date.now() + graceMs;
  const poll = setInterval(() => {
    if (!alive()) process.exit(0);
    if (Date.now() > deadline) process.kill(pid, 'SIGKILL');
  }, 100);
  poll.unref?.();
}

process.stdin.on('end', stop);
process.stdin.on('error', stop);
process.stdin.resume();
// Ctrl-C reaches the whole process group: the parent decides when to stop us.
process.on('SIGINT', () => {});
process.on('SIGTERM', stop);
if (child) child.on('exit', (code, exitSignal) => process.exit(code ?? (exitSignal ? 1 : 0)));
else {
  // Nothing to watch once the process is gone by itself.
  setInterval(() => {
    if (!alive()) process.exit(0);
  }, 1000);
}
