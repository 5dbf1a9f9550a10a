import { RATE_LIMITS, type RateLimitClass, type RateLimits } from '@sinergi/shared/schemas';
import type { MiddlewareHandler } from 'hono';
import { RateLimitedError } from '../domain/errors';
import type { AppEnv } from './env';

/** No limit at all: the demo-data seed (a trusted loader) and tests that drive one user hard. */
export const NO_RATE_LIMITS: RateLimits = {
  write: { perSecond: Number.POSITIVE_INFINITY, burst: Number.POSITIVE_INFINITY },
  matchRead: { perSecond: Number.POSITIVE_INFINITY, burst: Number.POSITIVE_INFINITY },
};

/** Users whose buckets one instance remembers; the oldest are forgotten first (a forgotten bucket is full). */
const MAX_TRACKED = 50_000;

const MATCH_READ = /^\/api\/(requests\/[^/]+\/matches|offers\/[^/]+\/candidates)\/?$/;

/** Which limit a call counts against, or none (anonymous calls and other reads). */
export function rateLimitClass(method: string, path: string): RateLimitClass | undefined {
  if (method === 'POST' || method === 'PUT' || method === 'PATCH' || method === 'DELETE') return 'write';
  if (method === 'GET' && MATCH_READ.test(path)) return 'matchRead';
  return undefined;
}

/**
 * Per-user token buckets ({@link RATE_LIMITS}) kept in this function instance: a signed-in user's writes
 * and match reads beyond the burst and refill rate get a 429 problem with `Retry-After`. Each warm
 * instance counts on its own, so a user spread over n instances could get up to n× the rate; the HTTP
 * API's throttles bound the total.
 *
 * @example
 * api.use('*', rateLimit()); // after identify(): it needs the caller
 */
export function rateLimit(
  limits: RateLimits = RATE_LIMITS,
  nowMs: () => number = () => performance.now(),
): MiddlewareHandler<AppEnv> {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return async function rateLimit(c, next) {
    const identity = c.get('identity');
    const cls = identity === undefined ? undefined : rateLimitClass(c.req.method, c.req.path);
    if (identity !== undefined && cls !== undefined) {
      const { perSecond, burst } = limits[cls];
      const key = `${cls}:${identity.userId}`;
      const now = nowMs();
      const bucket = buckets.get(key) ?? { tokens: burst, at: now };
      bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
      bucket.at = now;
      buckets.delete(key); // re-inserted below: the map stays ordered by last use
      buckets.set(key, bucket);
      if (buckets.size > MAX_TRACKED) buckets.delete(buckets.keys().next().value as string);
      if (bucket.tokens < 1) {
        throw new RateLimitedError(
          `too many ${cls === 'write' ? 'changes' : 'match reads'}: at most ${burst} at once and ${perSecond} per second`,
          (1 - bucket.tokens) / perSecond,
        );
      }
      bucket.tokens -= 1;
    }
    await next();
  };
}
