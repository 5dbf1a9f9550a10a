import { LIMITS, type RateLimits } from '@sinergi/shared/schemas';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { TokenVerifier } from './auth/tokens';
import { createVerifier, localTokens } from './auth/tokens';
import { authSettings, type Config } from './config';
import type { Services } from './domain';
import { PayloadTooLargeError } from './domain/errors';
import { derivedOr, randomId } from './domain/ids';
import type { Runtime } from './domain/model';
import type { RoundSource } from './domain/rounds';
import type { AppEnv } from './http/env';
import { apiHeaders } from './http/headers';
import { type IdempotencyOptions, idempotency } from './http/idempotency';
import { identify } from './http/identity';
import { lazy, lazyGroup, mountLazy, servedRoutes } from './http/lazy';
import { notFoundResponse, problemHandler } from './http/problem';
import { NO_RATE_LIMITS, rateLimit } from './http/rate-limit';
import { type HealthOptions, healthRoutes } from './routes/health';
import type { DocumentClient } from './store/client';
import type { AccessObserver } from './store/dynamo';
import { DynamoIdempotencyStore } from './store/dynamo-idempotency';

export interface AppDeps {
  config: Config;
  db: DocumentClient;
  /** Clock and id source; tests make them deterministic. */
  runtime?: Partial<Runtime>;
  /** Told about every DynamoDB call (access pattern and consumed capacity): metrics, tests. */
  onAccess?: AccessObserver;
  /** Replaces the token verifier chosen by AUTH_MODE (tests). */
  verifier?: TokenVerifier;
  idempotency?: IdempotencyOptions;
  /** Per-user rate limits (default RATE_LIMITS from shared, or none with RATE_LIMITS=off). */
  rateLimits?: RateLimits;
  health?: HealthOptions;
  /** `catalog` (default): match reads rank this instance's warm catalogues; `query`: every read afresh (the load harness's baseline). */
  matchReads?: 'catalog' | 'query';
  /** Where the vendored docs script lives (default: functions/assets beside the source). */
  docsScriptPath?: string;
  /**
   * Allocation rounds: `in-process` (default) computes a queued round in this process right after the
   * answer; `external` leaves it to the round worker function (AWS: the queued round item reaches it
   * through the table's stream, see round-worker.ts). `lapseEveryMs` starts a timer that lapses
   * unanswered round proposals (locally; AWS runs lapse.ts on a schedule). `lapseDays`: the window.
   */
  rounds?: {
    dispatch?: 'in-process' | 'external';
    lapseEveryMs?: number;
    lapseDays?: number;
    source?: RoundSource;
  };
}

/** The clock and ids of a request: the wall clock and random ids unless a test gives its own. */
const defaultRuntime: Runtime = { now: () => new Date(), newId: randomId };

/**
 * The whole API as one Hono app, mounted under /api. The same object runs on Lambda (lambda.ts) and
 * locally under @hono/node-server (local/server.ts).
 *
 * Built for a cold start: what every request runs (config, the middleware, identity, rate limits,
 * idempotency, headers, problems) and the health check are built here; every other route group, the
 * domain services behind them, the OpenAPI document and the docs page are imported and built on the
 * first request that needs them (http/lazy.ts), once per app. A request behaves the same either way.
 */
export function createApp(deps: AppDeps) {
  const { config, db } = deps;
  const base: Runtime = { ...defaultRuntime, ...deps.runtime };
  // Inside a request with an Idempotency-Key, ids derive from it (domain/ids.ts): a retry creates the same object.
  const runtime: Runtime = { ...base, newId: derivedOr(base.newId) };
  const storage = { db, tableName: config.TABLE_NAME, ...(deps.onAccess ? { onAccess: deps.onAccess } : {}) };
  const roundOptions = deps.rounds ?? {};
  const services = lazy(async (): Promise<Services> => {
    const { appServices } = await import('./services');
    return appServices(storage, runtime, {
      ...(deps.matchReads ? { matchReads: deps.matchReads } : {}),
      rounds: roundOptions,
    });
  });
  if (roundOptions.lapseEveryMs) {
    setInterval(
      () =>
        void services()
          .then((s) => s.rounds.lapse())
          .catch(() => undefined),
      roundOptions.lapseEveryMs,
    ).unref();
  }
  const auth = authSettings(config);
  const local = auth.mode === 'local' ? localTokens(auth.secret) : undefined;
  const verifier = deps.verifier ?? local?.verifier ?? createVerifier(config);

  const api = new Hono<AppEnv>();
  const limitBody = bodyLimit({
    maxSize: LIMITS.body,
    onError: () => {
      throw new PayloadTooLargeError(`the body may not exceed ${LIMITS.body} bytes`);
    },
  });
  // GET and HEAD carry no body (a fetch Request cannot have one); asking would build the whole Request
  // object on Node, a cost on every read.
  api.use('*', (c, next) =>
    c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limitBody(c, next),
  );
  api.use('*', identify(verifier));
  api.use('*', rateLimit(deps.rateLimits ?? (config.RATE_LIMITS === 'off' ? NO_RATE_LIMITS : undefined)));
  api.use('*', idempotency(new DynamoIdempotencyStore(storage, runtime.now), deps.idempotency));

  const health = healthRoutes(db, config.TABLE_NAME, deps.health);
  api.route('/health', health);

  // In the order of the document; each one a chunk of its own in the Lambda bundle.
  const groups = [
    lazyGroup('/auth', async () => {
      const [{ authRoutes }, { devLogin }, s] = await Promise.all([
        import('./routes/auth'),
        import('./auth/dev-login'),
        services(),
      ]);
      return authRoutes(s, local && devLogin(s.repo, local, runtime));
    }),
    lazyGroup('/businesses', async () =>
      (await import('./routes/businesses')).businessRoutes(await services()),
    ),
    lazyGroup('/organizations', async () =>
      (await import('./routes/organizations')).organizationRoutes(await services()),
    ),
    lazyGroup('/offers', async () => (await import('./routes/offers')).offerRoutes(await services())),
    lazyGroup('/requests', async () => (await import('./routes/requests')).requestRoutes(await services())),
    lazyGroup('/partnerships', async () =>
      (await import('./routes/partnerships')).partnershipRoutes(await services()),
    ),
    lazyGroup('/inbox', async () =>
      (await import('./routes/inbox')).inboxRoutes(await services(), runtime.now),
    ),
    lazyGroup('/rounds', async () => (await import('./routes/rounds')).roundRoutes(await services())),
    lazyGroup('/stats', async () => (await import('./routes/stats')).statsRoutes(await services())),
    lazyGroup('/reference', async () => (await import('./routes/reference')).referenceRoutes()),
  ];
  const notFound = (c: { req: { path: string } }) => notFoundResponse(c.req.path);
  for (const group of groups) mountLazy(api, group, notFound);

  // The document of every route group, built (with the groups) on its first request.
  const document = lazy(async () => (await import('./http/document')).openApiDocument(groups));
  api.get('/openapi.json', async (c) => c.json(await document()));

  const docs = lazyGroup('/docs', async () =>
    (await import('./http/docs')).docsRoutes(
      config.DOCS_SCRIPT_URL ? { url: config.DOCS_SCRIPT_URL } : deps.docsScriptPath,
    ),
  );
  mountLazy(api, docs, notFound);

  const app = new Hono<AppEnv>();
  // On the outer app, so that 404s and problems outside a route carry them too.
  app.use('*', apiHeaders());
  app.route('/api', api);
  app.onError(problemHandler);
  app.notFound(notFound);
  return Object.assign(app, {
    /** Every route served, groups included (building them): Hono's route tables, for the tests. */
    servedRoutes: () => servedRoutes(app, [...groups, docs]),
  });
}

export type App = ReturnType<typeof createApp>;
