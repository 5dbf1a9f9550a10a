import { OpenAPIHono } from '@hono/zod-openapi';
import { LIMITS, type RateLimits } from '@sinergi/shared/schemas';
import { bodyLimit } from 'hono/body-limit';
import { devLogin } from './auth/dev-login';
import { createVerifier, localTokens, type TokenVerifier } from './auth/tokens';
import { queryEverything, warmCatalogs } from './catalog';
import { authSettings, type Config } from './config';
import { createServices, defaultRuntime, type Services } from './domain';
import { PayloadTooLargeError } from './domain/errors';
import { derivedOr, withoutDerivedIds } from './domain/ids';
import type { Runtime } from './domain/model';
import type { RoundSource } from './domain/rounds';
import { docsRoutes } from './http/docs';
import { type AppEnv, router } from './http/env';
import { apiHeaders } from './http/headers';
import { type IdempotencyOptions, idempotency } from './http/idempotency';
import { identify } from './http/identity';
import { notFoundResponse, problemHandler } from './http/problem';
import { NO_RATE_LIMITS, rateLimit } from './http/rate-limit';
import { authRoutes } from './routes/auth';
import { businessRoutes } from './routes/businesses';
import { type HealthOptions, healthRoutes } from './routes/health';
import { inboxRoutes } from './routes/inbox';
import { offerRoutes } from './routes/offers';
import { organizationRoutes } from './routes/organizations';
import { partnershipRoutes } from './routes/partnerships';
import { referenceRoutes } from './routes/reference';
import { requestRoutes } from './routes/requests';
import { roundRoutes } from './routes/rounds';
import { statsRoutes } from './routes/stats';
import type { DocumentClient } from './store/client';
import type { AccessObserver } from './store/dynamo';
import { dynamoCatalogSources } from './store/dynamo-catalog';
import { DynamoIdempotencyStore } from './store/dynamo-idempotency';
import { dynamoRepository } from './store/dynamo-repository';
import { DynamoRoundStore } from './store/dynamo-rounds';

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

/**
 * The whole API as one Hono app, mounted under /api. The same object runs on Lambda (lambda.ts) and
 * locally under @hono/node-server (local/server.ts).
 */
export function createApp(deps: AppDeps) {
  const { config, db } = deps;
  const base: Runtime = { ...defaultRuntime, ...deps.runtime };
  // Inside a request with an Idempotency-Key, ids derive from it (domain/ids.ts): a retry creates the same object.
  const runtime: Runtime = { ...base, newId: derivedOr(base.newId) };
  const storage = { db, tableName: config.TABLE_NAME, ...(deps.onAccess ? { onAccess: deps.onAccess } : {}) };
  const roundOptions = deps.rounds ?? {};
  const repo = dynamoRepository(storage);
  // One set of warm catalogues per app, i.e. per function instance (kept across invocations).
  const catalogs =
    deps.matchReads === 'query' ? queryEverything(repo) : warmCatalogs(dynamoCatalogSources(storage));
  const services: Services = createServices(
    repo,
    runtime,
    {
      store: new DynamoRoundStore(storage),
      ...(roundOptions.dispatch === 'external'
        ? {}
        : {
            // The same worker code, in-process: it starts after the 202 has been answered.
            dispatch: async (id: string) => {
              setImmediate(() => void withoutDerivedIds(() => services.rounds.run(id)));
            },
          }),
      ...(roundOptions.source ? { source: roundOptions.source } : {}),
      ...(roundOptions.lapseDays !== undefined ? { lapseDays: roundOptions.lapseDays } : {}),
    },
    catalogs,
  );
  if (roundOptions.lapseEveryMs) {
    setInterval(() => void services.rounds.lapse().catch(() => undefined), roundOptions.lapseEveryMs).unref();
  }
  const auth = authSettings(config);
  const local = auth.mode === 'local' ? localTokens(auth.secret) : undefined;
  const verifier = deps.verifier ?? local?.verifier ?? createVerifier(config);

  const api = router();
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'Cognito JWT on AWS; locally a token from POST /api/auth/dev-login',
  });

  api.use(
    '*',
    bodyLimit({
      maxSize: LIMITS.body,
      onError: () => {
        throw new PayloadTooLargeError(`the body may not exceed ${LIMITS.body} bytes`);
      },
    }),
  );
  api.use('*', identify(verifier));
  api.use('*', rateLimit(deps.rateLimits ?? (config.RATE_LIMITS === 'off' ? NO_RATE_LIMITS : undefined)));
  api.use('*', idempotency(new DynamoIdempotencyStore(storage, runtime.now), deps.idempotency));

  api.route('/health', healthRoutes(db, config.TABLE_NAME, deps.health));
  api.route('/auth', authRoutes(services, local && devLogin(services.repo, local, runtime)));
  api.route('/businesses', businessRoutes(services));
  api.route('/organizations', organizationRoutes(services));
  api.route('/offers', offerRoutes(services));
  api.route('/requests', requestRoutes(services));
  api.route('/partnerships', partnershipRoutes(services));
  api.route('/inbox', inboxRoutes(services, runtime.now));
  api.route('/rounds', roundRoutes(services));
  api.route('/stats', statsRoutes(services));
  api.route('/reference', referenceRoutes());

  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Sinergi API',
      version: '1.0.0',
      description:
        'Partnership matching for Indonesian UMKM with corporates (mentorship), universities (internships) and community distributors. Errors are application/problem+json (RFC 9457).',
    },
    servers: [{ url: '/api' }],
  });

  api.route(
    '/docs',
    docsRoutes(config.DOCS_SCRIPT_URL ? { url: config.DOCS_SCRIPT_URL } : deps.docsScriptPath),
  );

  const app = new OpenAPIHono<AppEnv>();
  // On the outer app, so that 404s and problems outside a route carry them too.
  app.use('*', apiHeaders());
  app.route('/api', api);
  app.onError(problemHandler);
  app.notFound((c) => notFoundResponse(c.req.path));
  return app;
}

export type App = ReturnType<typeof createApp>;
