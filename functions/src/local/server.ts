/**
 * The local stack: DynamoDB Local, the table, the demo data, and one HTTP server that answers /api with
 * the same Hono app Lambda runs and everything else with the static site from web/out.
 *
 * `npm start` (main.ts), the browser tests and the integration tests all go through startLocalStack(),
 * so what the tests exercise is what a developer runs.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { type App, createApp } from '../app';
import { type Config, loadConfigForLocalStack } from '../config';
import { siteHeaders } from '../http/headers';
import { NO_RATE_LIMITS } from '../http/rate-limit';
import { localSiteConfig, providerOrigins } from '../http/site-config';
import { seedDemoData } from '../seed/index';
import { createDocumentClient, type DocumentClient } from '../store/client';
import { ensureTable } from './create-table';
import { type DynamoDbLocal, resolveJava, startDynamoDbLocal } from './dynamodb-local';
import { ensureSiteBuilt, SITE_OUT_DIR } from './site';

export interface LocalStackOptions {
  port: number;
  host: string;
  /** Folder for DynamoDB Local's files; omit for an in-memory database (tests). */
  dataDir?: string;
  dynamoDbPort?: number;
  javaHome?: string;
  seed: boolean;
  /** Build web/out when stale; false serves what is there (or only the API when nothing is). */
  buildSite: boolean;
  /** The process environment for the functions' own config (loadConfigForLocalStack), minus DYNAMODB_ENDPOINT. */
  env: Record<string, string | undefined>;
  log?: (line: string) => void;
}

export interface LocalStack {
  url: string;
  port: number;
  config: Config;
  db: DocumentClient;
  dynamoDb: DynamoDbLocal;
  stop(): Promise<void>;
}

/** Serves the API under /api and the static export everywhere else, on one origin like CloudFront. */
export function createLocalServerApp(api: App, siteDir: string = SITE_OUT_DIR, config?: Config) {
  const app = new Hono();
  // The API's JSON is compressed per response (gzip), as CloudFront does; the site's files were
  // compressed once at build time (site.ts precompressSite) and are served as they are.
  app.use('/api/*', compress());
  // Delegate whole requests so the API keeps its own notFound and onError (problem+json).
  app.all('/api', (c) => api.fetch(c.req.raw, c.env));
  app.all('/api/*', (c) => api.fetch(c.req.raw, c.env));

  // The site's headers, as CloudFront's response headers policy sets them; its runtime config.json.
  app.use('*', siteHeaders(config ? providerOrigins(config) : []));
  if (config) {
    const siteConfig = localSiteConfig(config);
    app.get('/config.json', (c) => c.json(siteConfig, 200, { 'cache-control': 'no-cache' }));
  }

  app.use('*', async (c, next) => {
    await next();
    // Next puts a content hash in every /_next/static name; pages must be revalidated. On the answer's
    // own headers, as in http/headers.ts (`c.header` now would copy the answer into a new Response).
    const headers = c.res.headers;
    if (c.req.path.startsWith('/_next/static/'))
      headers.set('cache-control', 'public, max-age=31536000, immutable');
    else if (headers.get('content-type')?.startsWith('text/html')) headers.set('cache-control', 'no-cache');
  });
  app.use('*', serveStatic({ root: siteDir, precompressed: true }));
  // A static export writes /about as about.html; accept /about and /about/ like CloudFront's function does.
  app.use(
    '*',
    serveStatic({
      root: siteDir,
      precompressed: true,
      rewriteRequestPath: (path) => `${path.replace(/\/+$/, '') || '/index'}.html`,
    }),
  );
  app.notFound(async (c) => {
    const notFoundPage = join(siteDir, '404.html');
    if (c.req.method === 'GET' && existsSync(notFoundPage))
      return c.html(await readFile(notFoundPage, 'utf8'), 404);
    return c.text('Tidak ditemukan / Not Found', 404);
  });
  return app;
}

export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const log = options.log ?? ((line: string) => console.log(line));
  const started = performance.now();
  const since = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;

  // Fail on a missing Java before starting a site build that would outlive the failure.
  resolveJava({ javaHome: options.javaHome });

  // The site build is CPU-bound and the database start mostly waiting on the JVM: overlap them.
  const site = options.buildSite
    ? ensureSiteBuilt(log).then((r) => (r === 'fresh' ? log('Site is up to date (web/out)') : undefined))
    : Promise.resolve();
  site.catch(() => undefined);

  const dynamoDb = await startDynamoDbLocal({
    dbPath: options.dataDir ? join(options.dataDir, 'dynamodb') : undefined,
    port: options.dynamoDbPort,
    javaHome: options.javaHome,
    log,
  });
  try {
    const config = loadConfigForLocalStack({ ...options.env, DYNAMODB_ENDPOINT: dynamoDb.endpoint });
    const db = createDocumentClient(config);
    const { created } = await ensureTable(db, config.TABLE_NAME);
    log(`Table ${config.TABLE_NAME} ${created ? 'created' : 'exists'} (${since()})`);

    // Round proposals lapse after the programme window: checked every minute (a schedule in AWS).
    const api = createApp({ config, db, rounds: { lapseEveryMs: 60_000 } });
    // The seed is a trusted loader: it writes through the public API but not under people's rate limits.
    if (options.seed)
      await seedLocalData(createApp({ config, db, rateLimits: NO_RATE_LIMITS }), db, config, log);
    log(`Demo data checked (${since()})`);
    await site;

    const app = createLocalServerApp(api, SITE_OUT_DIR, config);
    const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
      const s = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, () => resolve(s));
      s.once('error', reject);
    });
    const port = (server.address() as AddressInfo).port;
    const shownHost = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
    const url = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`;
    log(`Ready in ${since()}`);

    let stopping: Promise<void> | undefined;
    return {
      url,
      port,
      config,
      db,
      dynamoDb,
      stop: () => {
        stopping ??= (async () => {
          await new Promise<void>((resolve) => {
            server.close(() => resolve());
            // Keep-alive connections from a browser would hold close() open.
            if ('closeAllConnections' in server) server.closeAllConnections();
          });
          db.destroy();
          await dynamoDb.stop();
        })();
        return stopping;
      },
    };
  } catch (error) {
    await dynamoDb.stop();
    throw error;
  }
}

/** Seeds the demo data once per database; a failure is shown loudly but the stack keeps serving. */
export async function seedLocalData(
  api: App,
  db: DocumentClient,
  config: Config,
  log: (line: string) => void,
) {
  const seededAt = performance.now();
  try {
    const { created, counts } = await seedDemoData(api, db, config, { log });
    const took = `${((performance.now() - seededAt) / 1000).toFixed(1)} s`;
    log(created ? `Demo data seeded in ${took}: ${JSON.stringify(counts)}` : 'Demo data already present');
  } catch (error) {
    // Keep serving: /api/health and the site stay usable, and the page shows what is missing.
    log(
      `\n!!! Seeding the demo data failed; the site will show empty or failing figures.\n${formatError(error)}\n`,
    );
  }
}

function formatError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause
    ? `${error.stack}\ncaused by: ${formatError(error.cause)}`
    : (error.stack ?? error.message);
}
