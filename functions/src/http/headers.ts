import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/**
 * Security headers and caching, one policy for the local server (Hono's secureHeaders) and CloudFront
 * (infra's response headers policy reads the same constants), so both places answer alike.
 */
export const HSTS = 'max-age=63072000; includeSubDomains';
export const REFERRER_POLICY = 'strict-origin-when-cross-origin';
/** Every signed-in answer: never stored by a browser or a shared cache. */
export const PRIVATE_NO_STORE = 'private, no-store';

/** JSON answers load nothing and are framed by nobody. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

/**
 * The site's policy. Next's static export inlines its bootstrap scripts and styles, hence 'unsafe-inline'
 * for those two; everything else is this origin, plus the OpenID provider the site talks to (discovery
 * and token requests from script, the authorize redirect from a navigation).
 */
export function siteCsp(providerOrigins: readonly string[] = []): string {
  const extra = providerOrigins.length > 0 ? ` ${providerOrigins.join(' ')}` : '';
  return [
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${extra}`,
    `form-action 'self'${extra}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; ');
}

/** The API reference page runs Scalar's script and an inline bootstrap; it calls only this origin. */
export const DOCS_CSP =
  "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

const common = {
  strictTransportSecurity: HSTS,
  referrerPolicy: REFERRER_POLICY,
  xFrameOptions: 'DENY',
  // The docs page and the site load only their own resources; COEP would break nothing but adds nothing.
  crossOriginEmbedderPolicy: false,
} as const;

/**
 * The API's headers: nosniff, HSTS, frame denial, referrer policy, a CSP that loads nothing (the docs
 * page gets its own), and caching: an answer to a request that carried credentials is
 * `private, no-store` whatever the route said; an answer without a cache policy is `no-store`;
 * public data (reference, stats, openapi.json) keeps the policy its route set.
 */
export function apiHeaders(): MiddlewareHandler {
  const secure = secureHeaders({ ...common, crossOriginResourcePolicy: 'same-origin' });
  return async function apiHeaders(c, next) {
    await secure(c, async () => {
      await next();
    });
    // On the answer's own headers: `c.header` after the answer exists would copy it into a new Response
    // (on Node, building the whole Response object and a stream for its body, on every call).
    const headers = c.res.headers;
    headers.set('content-security-policy', /\/api\/docs\/?$/.test(c.req.path) ? DOCS_CSP : API_CSP);
    // Signed in, or being handed a token (dev login): nobody else's cache may keep the answer.
    const signedIn = c.req.header('authorization') !== undefined || c.req.path.endsWith('/auth/dev-login');
    if (signedIn) headers.set('cache-control', PRIVATE_NO_STORE);
    else if (!headers.has('cache-control')) headers.set('cache-control', 'no-store');
  };
}

/** The site's headers on the local server; CloudFront's response headers policy sets the same. */
export function siteHeaders(providerOrigins: readonly string[] = []): MiddlewareHandler {
  const secure = secureHeaders(common);
  const csp = siteCsp(providerOrigins);
  return async function siteHeaders(c, next) {
    await secure(c, async () => {
      await next();
    });
    c.res.headers.set('content-security-policy', csp);
  };
}
