import type { Context, Hono, NotFoundHandler } from 'hono';
import { Hono as PlainHono } from 'hono';
import type { AppEnv } from './env';

/**
 * Route groups built on their first request. A cold function instance then imports, compiles and
 * builds only what the request in hand needs (its group's schemas, handlers and the services behind
 * them) instead of the whole API: a Lambda started by `GET /api/offers` never builds the rounds or the
 * stats routes, nor their schemas. The app registers two thin routes per group (`<prefix>` and
 * `<prefix>/*`) that hand the request to the group's own Hono app, with the caller's identity, once
 * the app's middleware (body limit, identity, rate limit, idempotency, headers) has run, exactly as
 * for a route registered directly; errors go on to the app's one `onError`, and a path the group does
 * not serve gets the app's own 404.
 */
export interface LazyGroup {
  /** The mount point under the API, e.g. `/offers`. */
  prefix: string;
  /** The group's app, built once (a failed build is tried again on the next request). */
  app(): Promise<Hono<AppEnv>>;
}

/** Memoizes `build` (one build however many requests wait on it); a failure is not kept. */
export function lazy<T>(build: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => {
    value ??= build().catch((error: unknown) => {
      value = undefined;
      throw error;
    });
    return value;
  };
}

export function lazyGroup(prefix: string, build: () => Promise<Hono<AppEnv>>): LazyGroup {
  return { prefix, app: lazy(build) };
}

/** The request each dispatched sub-request came from, for its identity. */
const parents = new WeakMap<Request, Context<AppEnv>>();

/**
 * Mounts `group` on `api` (which is mounted at `/api`): the group's routes answer as if registered with
 * `api.route(group.prefix, …)`.
 */
export function mountLazy(api: Hono<AppEnv>, group: LazyGroup, notFound: NotFoundHandler) {
  const dispatcher = lazy(async () => {
    const app = new PlainHono<AppEnv>();
    app.use('*', async (c, next) => {
      const identity = parents.get(c.req.raw)?.get('identity');
      if (identity) c.set('identity', identity);
      await next();
    });
    app.route(`/api${group.prefix}`, await group.app());
    app.notFound(notFound);
    // The app's own onError answers (problem+json), after its middleware has seen the error.
    app.onError((error) => {
      throw error;
    });
    return app;
  });
  const handler = async (c: Context<AppEnv>) => {
    const app = await dispatcher();
    // A middleware that read the body (idempotency hashes it) used up the request's stream: forward the text.
    const request = c.req.raw.bodyUsed ? new Request(c.req.raw, { body: await c.req.text() }) : c.req.raw;
    parents.set(request, c);
    return app.fetch(request, c.env);
  };
  api.all(group.prefix, handler);
  api.all(`${group.prefix}/*`, handler);
}

/**
 * Every route the app serves, as `{ method, path }` with the full path (`/api/offers/:id`), groups
 * included (building them): Hono's own route table of the same apps the requests reach.
 */
export async function servedRoutes(app: Hono<AppEnv>, groups: readonly LazyGroup[]) {
  const table = new PlainHono<AppEnv>();
  for (const group of groups) table.route(`/api${group.prefix}`, await group.app());
  return [...app.routes, ...table.routes].map(({ method, path }) => ({ method, path }));
}
