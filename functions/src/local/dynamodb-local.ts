/**
 * Starts AWS's DynamoDB Local (a JVM) on a free port and guarantees it does not outlive us.
 *
 * The JVM is started by watchdog.mjs, whose stdin is a pipe from this process: when this process ends
 * in any way (Ctrl-C, crash, SIGKILL, end of a test run) the pipe closes and the watchdog stops the JVM.
 * The watchdog runs in its own process group so a terminal's Ctrl-C reaches only us and we can shut
 * down in order (HTTP server first, then the database).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDynamoDbLocal } from './fetch-dynamodb-local';

const WATCHDOG = fileURLToPath(new URL('./watchdog.mjs', import.meta.url));
const MARKER = 'SINERGI_WATCHDOG ';

export class JavaNotFoundError extends Error {
  override readonly name = 'JavaNotFoundError';
}
export class DynamoDbLocalStartError extends Error {
  override readonly name = 'DynamoDbLocalStartError';
}
export class DataDirLockedError extends Error {
  override readonly name = 'DataDirLockedError';
}

export interface DynamoDbLocalOptions {
  /** Folder for DynamoDB Local's files (kept across restarts). Omit for an in-memory database. */
  dbPath?: string;
  /** Fixed port; a free one is picked when omitted. */
  port?: number;
  /** The java executable; default `$JAVA_HOME/bin/java` when given, else `java` on PATH. */
  java?: string;
  javaHome?: string;
  log?: (line: string) => void;
  /** How long to wait for the first answer, in ms. */
  startTimeoutMs?: number;
  /**
   * `startup` (default): a JVM that starts fast (C1 only, serial GC), for `npm start` and the tests.
   * `throughput`: the JVM's full JIT, for the load harness, where the emulator serves thousands of calls
   * a second on the same cores as the API it stands behind.
   */
  jvm?: 'startup' | 'throughput';
}

export interface DynamoDbLocal {
  endpoint: string;
  port: number;
  /** The JVM's pid (for tests that prove it is gone). */
  javaPid: number;
  watchdogPid: number;
  stop(): Promise<void>;
}

const JAVA_INSTALL_HINT =
  'DynamoDB Local needs Java 17 or newer. Install it, e.g.\n' +
  '  Debian/Ubuntu:  sudo apt-get install -y openjdk-17-jre-headless\n' +
  '  macOS:          brew install openjdk@17\n' +
  'or set JAVA_HOME to a Java 17+ installation.';

/** Finds java and checks its version, failing with what to install. */
export function resolveJava(options: Pick<DynamoDbLocalOptions, 'java' | 'javaHome'> = {}): string {
  const java = options.java ?? (options.javaHome ? join(options.javaHome, 'bin', 'java') : 'java');
  const probe = spawnSync(java, ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new JavaNotFoundError(`Cannot run '${java}'. ${JAVA_INSTALL_HINT}`, { cause: probe.error });
  }
  // `java -version` prints e.g. `openjdk version "17.0.15"` (or "1.8.0_392" for Java 8) on stderr.
  const match = /version "(\d+)(?:\.(\d+))?/.exec(probe.stderr);
  const major = match ? (match[1] === '1' ? Number(match[2]) : Number(match[1])) : Number.NaN;
  if (!(major >= 11)) {
    throw new JavaNotFoundError(`'${java}' is Java ${match?.[1] ?? '?'}. ${JAVA_INSTALL_HINT}`);
  }
  return java;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    // No host: the JVM listens on every interface, so the port must be free on all of them.
    server.listen(0, () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export async function startDynamoDbLocal(options: DynamoDbLocalOptions = {}): Promise<DynamoDbLocal> {
  const log = options.log ?? ((line: string) => console.log(line));
  const java = resolveJava(options);
  const files = await ensureDynamoDbLocal({ log });
  const release = options.dbPath ? await lockDataDir(options.dbPath) : async () => undefined;

  // A free port can be taken between our probe and the JVM's bind; try again with another one.
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = options.port ?? (await freePort());
    try {
      const db = await launch(java, files, port, options, log);
      return {
        ...db,
        stop: async () => {
          await db.stop();
          await release();
        },
      };
    } catch (error) {
      lastError = error;
      if (options.port !== undefined || !String((error as Error).message).includes('in use')) break;
    }
  }
  await release();
  throw lastError;
}

async function launch(
  java: string,
  files: { jar: string; libDir: string; dir: string },
  port: number,
  options: DynamoDbLocalOptions,
  log: (line: string) => void,
): Promise<DynamoDbLocal> {
  const args = [
    `-Djava.library.path=${files.libDir}`,
    // A small heap is plenty for a demo table and keeps a 2-core, shared CI machine responsive.
    '-Xms64m',
    '-Xmx512m',
    // Start-up over peak speed: C1 only and the serial collector start the JVM 2-3x faster here
    // (3.2 s vs 7.5 s on 2 busy cores), and a local table never needs C2's last 20 %.
    ...(options.jvm === 'throughput' ? [] : ['-XX:TieredStopAtLevel=1']),
    '-XX:+UseSerialGC',
    '-jar',
    files.jar,
    '-port',
    String(port),
    '-disableTelemetry',
    // One database for every access key and region, so any local client sees the same table.
    '-sharedDb',
    ...(options.dbPath ? ['-dbPath', options.dbPath] : ['-inMemory']),
  ];
  const watchdog = spawn(process.execPath, [WATCHDOG, String(process.pid), java, ...args], {
    cwd: files.dir,
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
  // Last resort for a normal exit that skipped stop(): kill the whole group synchronously.
  const onExit = () => killGroup(watchdog, 'SIGKILL');
  process.on('exit', onExit);

  let output = '';
  const exited = new Promise<never>((_, reject) => {
    watchdog.on('exit', (code, signal) =>
      reject(
        new DynamoDbLocalStartError(
          `DynamoDB Local exited before it answered (code ${code}, signal ${signal}):\n${output.trim()}`,
        ),
      ),
    );
  });
  exited.catch(() => undefined);

  const javaPid = new Promise<number>((resolve) => {
    let buffer = '';
    watchdog.stdout?.setEncoding('utf8');
    watchdog.stdout?.on('data', (chunk: string) => {
      buffer += chunk;
      let newline = buffer.indexOf('\n');
      while (newline >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        if (line.startsWith(MARKER))
          resolve((JSON.parse(line.slice(MARKER.length)) as { childPid: number }).childPid);
        else output = `${output}${line}\n`.slice(-8192);
        newline = buffer.indexOf('\n');
      }
    });
  });
  watchdog.stderr?.setEncoding('utf8');
  watchdog.stderr?.on('data', (chunk: string) => {
    // The tail is enough to explain a failure, and a long-running JVM must not grow this forever.
    output = (output + chunk).slice(-8192);
  });

  const endpoint = `http://127.0.0.1:${port}`;
  const started = performance.now();
  try {
    await Promise.race([waitUntilAnswering(endpoint, options.startTimeoutMs ?? 60_000), exited]);
  } catch (error) {
    process.off('exit', onExit);
    killGroup(watchdog, 'SIGKILL');
    throw error;
  }
  const pid = await Promise.race([javaPid, exited]);
  log(
    `DynamoDB Local listening on ${endpoint} (${options.dbPath ? `data in ${options.dbPath}` : 'in memory'}, ` +
      `ready in ${Math.round(performance.now() - started)} ms)`,
  );

  let stopped: Promise<void> | undefined;
  // A JVM that dies while in use (out of memory, killed) must be visible, not a string of timeouts.
  watchdog.once('exit', (code, signal) => {
    if (!stopped)
      log(`!!! DynamoDB Local stopped unexpectedly (code ${code}, signal ${signal}):\n${output.trim()}`);
  });
  return {
    endpoint,
    port,
    javaPid: pid,
    watchdogPid: watchdog.pid ?? -1,
    stop: () => {
      stopped ??= new Promise<void>((resolve) => {
        process.off('exit', onExit);
        if (watchdog.exitCode !== null || watchdog.signalCode !== null) return resolve();
        const force = setTimeout(() => killGroup(watchdog, 'SIGKILL'), 8000);
        watchdog.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        // Closing the pipe is the one stop signal, the same the watchdog sees when we crash.
        watchdog.stdin?.end();
      });
      return stopped;
    },
  };
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (!child.pid || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/** Any HTTP answer means the JVM is serving (DynamoDB Local answers an unsigned GET with 400). */
async function waitUntilAnswering(endpoint: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      await fetch(endpoint, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new DynamoDbLocalStartError(`DynamoDB Local did not answer on ${endpoint} within ${timeoutMs} ms`);
}

/**
 * Two JVMs on one SQLite file corrupt it, so a data folder has one owner at a time. A lock left by a
 * process that no longer exists (SIGKILL) is taken over.
 */
async function lockDataDir(dbPath: string): Promise<() => Promise<void>> {
  await mkdir(dbPath, { recursive: true });
  const lock = join(dbPath, 'sinergi.lock');
  if (existsSync(lock)) {
    const owner = Number(readFileSync(lock, 'utf8').trim());
    if (Number.isInteger(owner) && isAlive(owner)) {
      throw new DataDirLockedError(
        `${dbPath} is in use by another Sinergi local stack (pid ${owner}). Stop it, or set DATA_DIR to another folder.`,
      );
    }
  }
  await writeFile(lock, String(process.pid));
  return async () => {
    await rm(lock, { force: true });
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
