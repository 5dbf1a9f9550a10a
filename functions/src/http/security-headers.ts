import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/**
 * The headers every answer carries, pages and API alike (Hono's secureHeaders: nosniff, frame and
 * referrer policies, HSTS, cross-origin isolation), and the caching rule of the API: an answer to a
 * signed-in request (or one that hands out a token) is `private, no-store`, whatever the route set, so no
 * shared cache ever keeps one person's data; other answers are `no-store` unless the route chose a policy.
 *
 * Minimal on purpose: issue 7 brings the production set (CSP and friends); the test
 * (tests/fuzz/headers.integ.test.ts) holds whichever version is in place to this contract.
 */
export function securityHeaders(): MiddlewareHandler {
  return secureHeaders();
}

export function apiCaching(): MiddlewareHandler {
  return async function apiCaching(c, next) {
    await next();
    const signedIn = c.req.header('authorization') !== undefined || c.req.path.endsWith('/auth/dev-login');
    if (signedIn) c.header('cache-control', 'private, no-store');
    else if (!c.res.headers.has('cache-control')) c.header('cache-control', 'no-store');
  };
}
