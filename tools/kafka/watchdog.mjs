// Runs one command and ties its life to ours: when our stdin closes (the parent
// stopped, or was killed with SIGKILL), the command gets SIGTERM, then SIGKILL.
// This is what guarantees that no broker JVM outlives `npm start` or a test run.
import { spawn } from 'node:child_process';

const [command, ...args] = process.argv.slice(2);
const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
const graceMs = Number(process.env.SLUICE_WATCHDOG_GRACE_MS ?? 20000);

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  child.kill('SIGTERM');
  setTimeout(() => child.kill('SIGKILL'), graceMs).unref();
}

process.stdin.on('end', stop);
process.stdin.on('error', stop);
process.stdin.resume();
// Ctrl-C reaches the whole process group: the parent decides when to stop us.
process.on('SIGINT', () => {});
process.on('SIGTERM', stop);
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
