import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { IdempotencyInProgressError, IdempotencyKeyReuseError, ValidationError } from '../domain/errors';
import { withDerivedIds } from '../domain/ids';
import type { IdempotencyRecord, IdempotencyStore } from '../domain/ports';
import type { AppEnv } from './env';

export interface IdempotencyOptions {
  /** How long a repeat waits for the first request to finish before answering 409. */
  waitMs?: number;
  pollMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Lease of a claim, in the store's clock (default IDEMPOTENCY_LEASE_SECONDS). */
  leaseSeconds?: number;
  /** How often the holder renews its lease, in real ms (default a third of the lease). */
  heartbeatMs?: number;
}

/**
 * Default lease of a claim. Its holder renews it while the request runs, so only a claim whose holder
 * stopped renewing (it crashed, or its process froze) for this long is taken over by a retry.
 */
export const IDEMPOTENCY_LEASE_SECONDS = 30;

/** Answers larger than this are not kept (a DynamoDB item holds 400 KB). */
const MAX_STORED_BODY = 300 * 1024;

function replay(response: NonNullable<IdempotencyRecord['response']>): Response {
  return new Response(response.body, {
    status: response.status,
    headers: { 'content-type': response.contentType, 'idempotent-replayed': 'true' },
  });
}

/**
 * `Idempotency-Key` on POSTs from a signed-in caller: the first request with a key claims it and its
 * answer is stored for 24 h; a repeat (also a concurrent one, which waits) gets the same answer; the same
 * key with a different method, path or body is refused (422). Answers of 5xx are not kept, so a retry
 * after a failure on our side runs again.
 */
export function idempotency(
  store: IdempotencyStore,
  options: IdempotencyOptions = {},
): MiddlewareHandler<AppEnv> {
  const waitMs = options.waitMs ?? 10_000;
  const pollMs = options.pollMs ?? 50;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const leaseSeconds = options.leaseSeconds ?? IDEMPOTENCY_LEASE_SECONDS;
  const heartbeatMs = options.heartbeatMs ?? (leaseSeconds * 1000) / 3;

  return async function idempotency(c, next) {
    const key = c.req.header('idempotency-key');
    const identity = c.get('identity');
    if (c.req.method !== 'POST' || key === undefined || !identity) return next();
    if (!/^[\x20-\x7e]{1,255}$/.test(key)) {
      throw new ValidationError('invalid Idempotency-Key', [
        { field: 'Idempotency-Key', message: '1 to 255 printable ASCII characters' },
      ]);
    }
    const url = new URL(c.req.url);
    const body = await c.req.text();
    const hash = createHash('sha256')
      .update(`${c.req.method} ${url.pathname}${url.search}\n${body}`)
      .digest('hex');

    const claim = await store.begin(identity.userId, key, hash, leaseSeconds);
    let token = claim.claimed ? claim.token : undefined;
    if (!claim.claimed) {
      let record: IdempotencyRecord | undefined = claim.record;
      const deadline = Date.now() + waitMs;
      for (;;) {
        if (record && record.requestHash !== hash) {
          throw new IdempotencyKeyReuseError('this Idempotency-Key was used for a different request');
        }
        if (record?.state === 'done' && record.response) return replay(record.response);
        if (Date.now() >= deadline) {
          throw new IdempotencyInProgressError('a request with this Idempotency-Key is still in progress');
        }
        await sleep(pollMs);
        record = await store.get(identity.userId, key);
        if (!record) {
          // The first attempt failed on our side and let go: this one may run it.
          const again = await store.begin(identity.userId, key, hash, leaseSeconds);
          if (again.claimed) {
            token = again.token;
            break;
          }
          record = again.record;
        }
      }
    }

    if (token === undefined) throw new Error('unreachable: the loop leaves only with a claim');
    const held = token;
    const userId = identity.userId;
    // Keep the lease alive while this request runs, so a retry never takes over a claim whose first
    // attempt is still working (that would run the creation twice).
    let lost = false;
    const heartbeat = setInterval(() => {
      store.renew(userId, key, held, leaseSeconds).then(
        (ok) => {
          if (!ok) lost = true;
        },
        (error) => console.warn('idempotency: lease renewal failed', error),
      );
    }, heartbeatMs);
    heartbeat.unref?.();
    try {
      await withDerivedIds(`${userId}\n${key}\n${hash}`, next);
    } catch (error) {
      clearInterval(heartbeat);
      await store.release(userId, key, held);
      throw error;
    }
    clearInterval(heartbeat);
    const text = await c.res.clone().text();
    if (c.res.status >= 500 || text.length > MAX_STORED_BODY) {
      await store.release(userId, key, held);
      return;
    }
    const stored = await store.complete(userId, key, held, {
      status: c.res.status,
      body: text,
      contentType: c.res.headers.get('content-type') ?? 'application/json',
    });
    if (!stored || lost) {
      // Only when this process froze for a whole lease: another attempt holds the key now.
      console.warn(`idempotency: the claim on ${key} was taken over while this request ran`);
    }
  };
}
