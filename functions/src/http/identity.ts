import type { MiddlewareHandler } from 'hono';
import type { TokenVerifier } from '../auth/tokens';
import { UnauthorizedError } from '../domain/errors';
import type { AppEnv } from './env';

/**
 * The one identity middleware, for local JWTs and Cognito alike: a bearer token, when present, must be
 * valid (else 401) and sets `identity`; routes that need a caller ask for it with `caller(c)` or
 * `requireSignIn`.
 */
export function identify(verifier: TokenVerifier): MiddlewareHandler<AppEnv> {
  return async function identify(c, next) {
    const header = c.req.header('authorization');
    if (header !== undefined) {
      const match = /^Bearer\s+([A-Za-z0-9._~+/=-]{1,4096})$/i.exec(header.trim());
      if (!match?.[1]) throw new UnauthorizedError('expected Authorization: Bearer <token>');
      c.set('identity', await verifier.verify(match[1]));
    }
    await next();
  };
}

/** Rejects anonymous calls before their input is even looked at. */
export function requireSignIn(): MiddlewareHandler<AppEnv> {
  return async function requireSignIn(c, next) {
    if (!c.get('identity')) throw new UnauthorizedError('sign in first: send Authorization: Bearer <token>');
    await next();
  };
}
