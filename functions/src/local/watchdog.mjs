// Keeps a child process (DynamoDB Local's JVM, a dev server) from outliving the Node process that
// started it, even when that process dies by SIGKILL and runs no cleanup code.
//
//   node watchdog.mjs <parentPid> <command> [args...]
//
// The parent spawns this script with stdin as a pipe and never writes to it. The kernel closes the
// pipe whatever way the parent dies, so 'end' on stdin is the signal; polling the parent's pid covers
// the rare case where the pipe is held open elsewhere. On Linux the child is also started through
// `setpriv --pdeathsig SIGKILL`, so even a SIGKILL of this watchdog takes the child down with it.
//
// Plain JavaScript on purpose: it must start in ~50 ms with nothing but `node`, no TypeScript loader.
// It prints one line `SINERGI_WATCHDOG {"childPid":N}` on stdout; the child's output follows.
import { spawn, spawnSync } from 'node:child_process';

const [parentArg, command, ...args] = process.argv.slice(2);
const parentPid = Number(parentArg);
if (!command || !Number.isInteger(parentPid)) {
  console.error('usage: node watchdog.mjs <parentPid> <command> [args...]');
  process.exit(2);
}

const usePdeathsig =
  process.platform === 'linux' && spawnSync('setpriv', ['--help'], { stdio: 'ignore' }).status === 0;
const child = usePdeathsig
  ? spawn('setpriv', ['--pdeathsig', 'SIGKILL', '--', command, ...args], {
      stdio: ['ignore', 'inherit', 'inherit'],
    })
  : spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });

let stopping = false;

child.on('error', (error) => {
  console.error(`watchdog: could not start ${command}: ${error.message}`);
  process.exit(127);
});
child.on('spawn', () => {
  // setpriv execs the command, so this pid is the command's own pid.
  process.stdout.write(`SINERGI_WATCHDOG ${JSON.stringify({ childPid: child.pid })}\n`);
});
child.on('exit', (code, signal) => {
  process.exit(stopping ? 0 : (code ?? (signal ? 1 : 0)));
});

/** SIGTERM first (the JVM and Next shut down cleanly on it), SIGKILL if it lingers. */
function stop() {
  if (stopping) return;
  stopping = true;
  clearInterval(poll);
  if (child.exitCode !== null || child.signalCode !== null) process.exit(0);
  child.kill('SIGTERM');
  setTimeout(() => child.kill('SIGKILL'), 5000).unref();
}

process.stdin.on('end', stop);
process.stdin.on('error', stop);
process.stdin.resume();
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, stop);

const poll = setInterval(() => {
  try {
    process.kill(parentPid, 0);
  } catch {
    stop();
  }
}, 1000);
