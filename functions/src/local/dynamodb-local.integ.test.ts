import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfigForLocalStack } from '../config';
import { createDocumentClient } from '../store/client';
import { ensureTable } from './create-table';
import { DataDirLockedError, JavaNotFoundError, resolveJava, startDynamoDbLocal } from './dynamodb-local';
import { REPO_ROOT } from './paths';

const FIXTURE = fileURLToPath(new URL('../../../tests/support/hold-dynamodb.ts', import.meta.url));

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntilGone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !isAlive(pid);
}

interface Held {
  parent: ChildProcess;
  javaPid: number;
  watchdogPid: number;
  endpoint: string;
}

/** Starts DynamoDB Local in a separate Node process that we can kill without running its cleanup. */
function holdDynamoDb(): Promise<Held> {
  const parent = spawn(process.execPath, ['--import', 'tsx', FIXTURE], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    parent.stdout?.setEncoding('utf8');
    parent.stdout?.on('data', (chunk: string) => {
      out += chunk;
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve({ parent, ...(JSON.parse(line) as Omit<Held, 'parent'>) });
    });
    parent.on('exit', (code) => reject(new Error(`fixture exited early (${code}): ${out}`)));
  });
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

function killLater(...pids: number[]) {
  cleanups.push(() => {
    for (const pid of pids) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  });
}

describe('DynamoDB Local never outlives the process that started it', () => {
  it('stops the JVM within seconds when its Node parent is SIGKILLed', async () => {
    const held = await holdDynamoDb();
    killLater(held.javaPid, held.watchdogPid);
    expect(isAlive(held.javaPid)).toBe(true);
    expect((await fetch(held.endpoint)).status).toBe(400);

    held.parent.kill('SIGKILL');

    expect(await waitUntilGone(held.javaPid, 5000)).toBe(true);
    expect(await waitUntilGone(held.watchdogPid, 5000)).toBe(true);
  });

  it.runIf(process.platform === 'linux')(
    'stops the JVM even when the watchdog itself is SIGKILLed',
    async () => {
      const held = await holdDynamoDb();
      killLater(held.javaPid);
      cleanups.push(() => {
        held.parent.kill('SIGKILL');
      });

      process.kill(held.watchdogPid, 'SIGKILL');

      expect(await waitUntilGone(held.javaPid, 5000)).toBe(true);
    },
  );

  it('stops the JVM on stop()', async () => {
    const db = await startDynamoDbLocal({ log: () => undefined });
    killLater(db.javaPid);
    await db.stop();
    expect(isAlive(db.javaPid)).toBe(false);
  });
});

describe('DynamoDB Local on disk', () => {
  it('keeps tables across a restart, and refuses a second server on the same folder', async () => {
    const dbPath = await mkdtemp(join(tmpdir(), 'sinergi-ddb-'));
    cleanups.push(() => rm(dbPath, { recursive: true, force: true }));

    const first = await startDynamoDbLocal({ dbPath, log: () => undefined });
    killLater(first.javaPid);
    const config = loadConfigForLocalStack({ DYNAMODB_ENDPOINT: first.endpoint, TABLE_NAME: 'kept' });
    const client = createDocumentClient(config);
    await ensureTable(client, 'kept');
    client.destroy();
    await expect(startDynamoDbLocal({ dbPath, log: () => undefined })).rejects.toBeInstanceOf(
      DataDirLockedError,
    );
    await first.stop();

    const second = await startDynamoDbLocal({ dbPath, log: () => undefined });
    killLater(second.javaPid);
    const again = createDocumentClient({ AWS_REGION: 'us-east-1', DYNAMODB_ENDPOINT: second.endpoint });
    // A different region and the same table: -sharedDb makes every client see one database.
    const { TableNames } = await again.send(new ListTablesCommand({}));
    expect(TableNames).toContain('kept');
    again.destroy();
    await second.stop();
  });
});

describe('resolveJava', () => {
  it('says what to install when java is missing', () => {
    expect(() => resolveJava({ java: '/nonexistent/bin/java' })).toThrow(JavaNotFoundError);
    expect(() => resolveJava({ java: '/nonexistent/bin/java' })).toThrow(
      /apt-get install -y openjdk-17-jre-headless/,
    );
  });
});
