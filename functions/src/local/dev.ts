/**
 * `npm run dev`: one port for the user, hot reload on both sides.
 *
 *   browser ──▶ next dev :PORT ──(rewrite /api/*)──▶ API :internal (tsx watch api-server.ts) ──▶ DynamoDB Local
 *
 * The database, the table and the demo data are set up once here and outlive API restarts. Every child
 * runs under watchdog.mjs, so none of them outlives this process, however it ends.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '../app';
import { loadConfigForLocalStack } from '../config';
import { NO_RATE_LIMITS } from '../http/rate-limit';
import { createDocumentClient } from '../store/client';
import { loadLocalConfig } from './config';
import { ensureTable } from './create-table';
import { freePort, startDynamoDbLocal } from './dynamodb-local';
import { applyLocalEnvDefaults } from './env-defaults';
import { REPO_ROOT, WEB_DIR } from './paths';
import { seedLocalData } from './server';

const WATCHDOG = fileURLToPath(new URL('./watchdog.mjs', import.meta.url));

function supervised(name: string, command: string, args: string[], env: NodeJS.ProcessEnv, cwd = REPO_ROOT) {
  const child = spawn(process.execPath, [WATCHDOG, String(process.pid), command, ...args], {
    cwd,
    env,
    stdio: ['pipe', 'pipe', 'inherit'],
    detached: true,
  });
  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', (chunk: string) => {
    for (const line of chunk.split('\n')) {
      if (line && !line.startsWith('SINERGI_WATCHDOG ')) console.log(`[${name}] ${line}`);
    }
  });
  return child;
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.stdin?.end();
  });
}

async function main() {
  applyLocalEnvDefaults();
  const local = loadLocalConfig(process.env);
  const dynamoDb = await startDynamoDbLocal({
    dbPath: join(local.DATA_DIR, 'dynamodb'),
    port: local.DYNAMODB_PORT,
    javaHome: local.JAVA_HOME,
  });
  const env: NodeJS.ProcessEnv = { ...process.env, DYNAMODB_ENDPOINT: dynamoDb.endpoint };
  const config = loadConfigForLocalStack(env);
  const db = createDocumentClient(config);
  await ensureTable(db, config.TABLE_NAME);
  if (local.SEED_DEMO_DATA)
    await seedLocalData(createApp({ config, db, rateLimits: NO_RATE_LIMITS }), db, config, console.log);
  db.destroy();

  const apiPort = await freePort();
  const tsx = createRequire(join(REPO_ROOT, 'package.json')).resolve('tsx/cli');
  const nextBin = createRequire(join(WEB_DIR, 'package.json')).resolve('next/dist/bin/next');
  const children = [
    supervised('api', process.execPath, [tsx, 'watch', 'functions/src/local/api-server.ts'], {
      ...env,
      API_PORT: String(apiPort),
    }),
    supervised(
      'web',
      process.execPath,
      [nextBin, 'dev', '--port', String(local.PORT), '--hostname', local.HOST],
      {
        ...env,
        SINERGI_API_ORIGIN: `http://127.0.0.1:${apiPort}`,
      },
      WEB_DIR,
    ),
  ];
  console.log(
    `\n  Sinergi (dev) at http://${local.HOST}:${local.PORT}  (API hot-reloads, site hot-reloads)\n`,
  );

  let stopping = false;
  const shutdown = async () => {
    if (stopping) process.exit(130);
    stopping = true;
    await Promise.all(children.map(stopChild));
    await dynamoDb.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  for (const child of children) {
    child.on('exit', (code) => {
      if (!stopping) {
        console.error(`A dev process exited (code ${code}); stopping.`);
        void shutdown();
      }
    });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
