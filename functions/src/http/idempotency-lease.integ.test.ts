/**
 * The claim of an Idempotency-Key is a lease its holder renews while the request runs: a retry with the
 * same key never takes over from a first attempt that is slow but alive (that would create twice), yet
 * does take over from one that died; and an attempt that lost its claim writes nothing to the record.
 * An attempt that froze (its process stopped renewing) but whose write still lands, before or after the
 * retry's, creates nothing twice either: both derive the new object's id from the key (domain/ids.ts).
 *
 * The store's clock runs 30× faster than real time, so the 30 s lease passes in one real second, while
 * the holder renews every 200 real ms (the heartbeat is what the fast clock tests).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoIdempotencyStore } from '../store/dynamo-idempotency';
import { type Harness, harness, uniqueName } from '../testing/harness';

const SPEED = 30;
const started = Date.now();
const now = () => new Date(started + (Date.now() - started) * SPEED);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let h: Harness;
/** While set, the next TransactWriteItems waits this long before it goes out (a slow first attempt). */
let holdNextTransactionMs = 0;
/** A second instance whose process is frozen: it never renews a claim. */
let frozen: Harness;
/** Where the frozen instance's next TransactWriteItems stalls for 3 real s: before it goes out, or after it landed. */
let stall: 'before' | 'after' | undefined;

beforeAll(async () => {
  h = await harness({ runtime: { now }, idempotency: { heartbeatMs: 200 } });
  h.deps.db.middlewareStack.add(
    (next, context) => async (args) => {
      if (/TransactWrite/.test(context.commandName ?? '') && holdNextTransactionMs > 0) {
        const ms = holdNextTransactionMs;
        holdNextTransactionMs = 0;
        await sleep(ms);
      }
      return next(args);
    },
    { step: 'initialize', name: 'slowFirstAttempt' },
  );
  frozen = await harness({ runtime: { now }, idempotency: { heartbeatMs: 3_600_000 } });
  frozen.deps.db.middlewareStack.add(
    (next, context) => async (args) => {
      const where = /TransactWrite/.test(context.commandName ?? '') ? stall : undefined;
      if (!where) return next(args);
      stall = undefined;
      if (where === 'before') await sleep(3000);
      const out = await next(args);
      if (where === 'after') await sleep(3000);
      return out;
    },
    { step: 'initialize', name: 'frozenAttempt' },
  );
});

const offerBody = {
  type: 'internship',
  title: 'Magang lambat',
  topics: ['desain'],
  mode: 'online',
  capacity: 2,
};

async function offersOf(token: string, organizationId: string) {
  const reply = await h.call('GET', `/offers?organizationId=${organizationId}&limit=100`, { token });
  return reply.body.items as { id: string }[];
}

describe('Idempotency-Key lease', () => {
  it('never runs a creation twice when the first attempt outlives the lease', async () => {
    const partner = await h.partner('university');
    const headers = { 'idempotency-key': uniqueName('slow') };
    holdNextTransactionMs = 3000; // 90 s on the store's clock: three leases
    const first = h.call('POST', '/offers', { token: partner.token, body: offerBody, headers });
    await sleep(1500); // 45 s on the store's clock: an unrenewed claim would be free by now
    const retry = await h.call('POST', '/offers', { token: partner.token, body: offerBody, headers });
    const original = await first;
    expect(original.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(original.body.id);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await offersOf(partner.token, partner.organization.id)).toHaveLength(1);
  });

  it('lets a retry take over a claim whose holder died, and the holder’s late answer writes nothing', async () => {
    const partner = await h.partner('university');
    const key = uniqueName('dead');
    const store = new DynamoIdempotencyStore({ db: h.deps.db, tableName: h.deps.config.TABLE_NAME }, now);
    // An attempt that claimed the key with the same request and then died (no heartbeat).
    const body = JSON.stringify(offerBody);
    const { createHash } = await import('node:crypto');
    const hash = createHash('sha256').update(`POST /api/offers\n${body}`).digest('hex');
    const dead = await store.begin(partner.userId, key, hash, 30);
    expect(dead.claimed).toBe(true);
    await sleep(1200); // 36 s: the lease ran out
    const retry = await h.call('POST', '/offers', {
      token: partner.token,
      rawBody: body,
      headers: { 'idempotency-key': key },
    });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    // The dead attempt comes back: it can neither overwrite the stored answer nor release the key.
    if (!dead.claimed) throw new Error('unreachable');
    expect(
      await store.complete(partner.userId, key, dead.token, { status: 500, body: 'x', contentType: 'x' }),
    ).toBe(false);
    await store.release(partner.userId, key, dead.token);
    expect(await store.renew(partner.userId, key, dead.token, 30)).toBe(false);
    const record = await store.get(partner.userId, key);
    expect(record?.state).toBe('done');
    expect(JSON.parse(record?.response?.body ?? '{}').id).toBe(retry.body.id);
    expect(await offersOf(partner.token, partner.organization.id)).toHaveLength(1);
  });

  const creations = [
    { path: '/offers', who: () => h.partner('university'), body: () => offerBody },
    {
      path: '/requests',
      who: () => h.umkm(),
      body: () => ({ type: 'mentorship', needs: ['desain kemasan'] }),
    },
  ] as const;
  for (const creation of creations) {
    for (const where of ['before', 'after'] as const) {
      it(`POST ${creation.path}: a frozen attempt whose write lands ${where === 'before' ? 'after' : 'before'} the retry's creates once`, async () => {
        const owner = await creation.who();
        const headers = { 'idempotency-key': uniqueName('frozen') };
        stall = where;
        const first = frozen.call('POST', creation.path, {
          token: owner.token,
          body: creation.body(),
          headers,
        });
        await sleep(1500); // 45 s on the store's clock: the frozen claim ran out unrenewed
        const retry = await h.call('POST', creation.path, {
          token: owner.token,
          body: creation.body(),
          headers,
        });
        const late = await first;
        expect(retry.status, JSON.stringify(retry.body)).toBe(201);
        expect(late.status, JSON.stringify(late.body)).toBe(201);
        expect(late.body.id).toBe(retry.body.id);
        const mine = await h.call(
          'GET',
          `${creation.path}?limit=100${creation.path === '/offers' ? `&organizationId=${(owner as { organization?: { id: string } }).organization?.id}` : ''}`,
          { token: owner.token },
        );
        expect(mine.body.items.map((x: { id: string }) => x.id)).toEqual([retry.body.id]);
      });
    }
  }
});
