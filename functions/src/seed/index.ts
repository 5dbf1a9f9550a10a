/**
 * Seeds the demo data once, through the public API.
 *
 * Every object is created by a real HTTP call to the same Hono app the site uses (in-process, via
 * `app.request`), as the account that would own it, with a deterministic `Idempotency-Key`. So demo data
 * obeys every rule a client does, and a seed interrupted halfway can simply run again: what was created
 * comes back from the idempotency records instead of being created twice. A marker item written at the
 * end makes later starts skip the whole thing.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { App } from '../app';
import type { Config } from '../config';
import type { DocumentClient } from '../store/client';
import { keys } from '../store/table';
import { type DemoData, type DemoSize, generateDemoData, type OfferType } from './generate';
import { seedShowcase } from './showcase';

/** Bump when the demo data changes shape, so existing local databases get the new set. */
export const SEED_VERSION = 'demo-v2';

export interface SeedCounts {
  organizations: number;
  offers: number;
  businesses: number;
  requests: number;
  partnerships: number;
  completed: number;
}

export interface SeedResult {
  created: boolean;
  counts: SeedCounts;
}

export interface SeedOptions {
  seed?: number;
  size?: DemoSize;
  /** Concurrent API calls; DynamoDB Local serves ~8 well on two cores. */
  concurrency?: number;
  log?: (line: string) => void;
}

export class SeedError extends Error {
  override readonly name = 'SeedError';
}

type Role = 'business' | 'corporate' | 'university' | 'community' | 'admin';

interface Caller {
  token: string;
  userId: string;
}

/** Runs `work` over `items` with at most `limit` in flight, keeping results in input order. */
async function mapPool<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
) {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

function client(app: App) {
  async function call<T>(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; idempotencyKey?: string; allow?: number[] } = {},
  ): Promise<{ status: number; body: T }> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
    const response = await app.request(`/api${path}`, {
      method,
      headers,
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
    const text = await response.text();
    const body = (text ? JSON.parse(text) : undefined) as T;
    if (!response.ok && !options.allow?.includes(response.status)) {
      throw new SeedError(`${method} ${path} answered ${response.status}: ${text.slice(0, 500)}`);
    }
    return { status: response.status, body };
  }

  const callers = new Map<string, Promise<Caller>>();
  /** The account of a demo actor; dev-login gives the same user for the same (role, name). */
  function login(role: Role, name: string): Promise<Caller> {
    const key = `${role}:${name}`;
    let caller = callers.get(key);
    if (!caller) {
      caller = call<{ token: string; user: { id: string } }>('POST', '/auth/dev-login', {
        body: { role, name },
      }).then(({ body }) => ({ token: body.token, userId: body.user.id }));
      callers.set(key, caller);
    }
    return caller;
  }
  return { call, login };
}

/**
 * Seeds the demo data unless this database already has it.
 *
 * @example
 * const { created, counts } = await seedDemoData(app, db, config);
 * // first start: created === true, counts.businesses === 600; later starts: created === false
 */
export async function seedDemoData(
  app: App,
  db: DocumentClient,
  config: Pick<Config, 'TABLE_NAME'>,
  options: SeedOptions = {},
): Promise<SeedResult> {
  const marker = keys.seedMarker(SEED_VERSION);
  const existing = await db.send(new GetCommand({ TableName: config.TABLE_NAME, Key: marker }));
  if (existing.Item) return { created: false, counts: existing.Item.counts as SeedCounts };

  const log = options.log ?? (() => {});
  const concurrency = options.concurrency ?? 8;
  const demo: DemoData = generateDemoData(options.seed, options.size);
  const api = client(app);
  const counts: SeedCounts = {
    organizations: 0,
    offers: 0,
    businesses: 0,
    requests: 0,
    partnerships: 0,
    completed: 0,
  };

  // 1. Partners and their offers, so that UMKM requests have something to match.
  const offerOwners = new Map<string, Caller>();
  await mapPool(demo.organizations, concurrency, async (org) => {
    const owner = await api.login(org.role, org.key);
    await api.call('POST', '/organizations', {
      token: owner.token,
      body: org.body,
      idempotencyKey: `seed-${org.key}`,
    });
    counts.organizations++;
    for (const [i, offer] of org.offers.entries()) {
      const { body } = await api.call<{ id: string }>('POST', '/offers', {
        token: owner.token,
        body: offer,
        idempotencyKey: `seed-${org.key}-offer-${i}`,
      });
      offerOwners.set(body.id, owner);
      counts.offers++;
    }
  });
  log(`seed: ${counts.organizations} partners, ${counts.offers} offers`);

  // 2. UMKM and their partnership requests.
  const requests: { owner: Caller; id: string; type: OfferType; index: number; position: number }[] = [];
  await mapPool(demo.businesses, concurrency, async (business, index) => {
    const owner = await api.login('business', business.key);
    await api.call('POST', '/businesses', {
      token: owner.token,
      body: business.body,
      idempotencyKey: `seed-${business.key}`,
    });
    counts.businesses++;
    for (const [i, request] of business.requests.entries()) {
      const { body } = await api.call<{ id: string }>('POST', '/requests', {
        token: owner.token,
        body: request,
        idempotencyKey: `seed-${business.key}-request-${i}`,
      });
      requests.push({ owner, id: body.id, type: request.type, index, position: i });
      counts.requests++;
    }
  });
  log(`seed: ${counts.businesses} UMKM, ${counts.requests} requests`);

  // 3. A history: about one request in six proposes to its best match; most are accepted, about half
  //    of those completed and rated, so partners have a track record and the impact page has figures.
  //    One at a time, in a fixed order: each accept changes what is left for the next, and the same
  //    seed must give the same history.
  requests.sort((a, b) => a.index - b.index || a.position - b.position);
  const history = requests.filter((_, i) => i % 6 === 0);
  await mapPool(history, 1, async (request, i) => {
    const { body } = await api.call<{ items: { offerId: string }[] }>(
      'GET',
      `/requests/${request.id}/matches?limit=1`,
      {
        token: request.owner.token,
      },
    );
    const best = body.items[0];
    const partner = best && offerOwners.get(best.offerId);
    if (!best || !partner) return;
    const proposed = await api.call<{ id: string }>('POST', '/partnerships', {
      token: request.owner.token,
      body: { requestId: request.id, offerId: best.offerId },
      idempotencyKey: `seed-${request.id}-partnership`,
      allow: [409],
    });
    if (proposed.status === 409) return;
    counts.partnerships++;
    const id = proposed.body.id;
    if (i % 5 === 4) return; // left proposed, waiting for the partner's answer
    // A re-run after an interruption meets transitions already made: 409 means "already there".
    const accepted = await api.call('POST', `/partnerships/${id}/accept`, {
      token: partner.token,
      allow: [409],
    });
    if (accepted.status === 409 || i % 2 === 1) return; // active
    await api.call('POST', `/partnerships/${id}/complete`, { token: request.owner.token, allow: [409] });
    const rating = [5, 4, 5, 3, 4, 5, 2, 4][i % 8] as number;
    await api.call('POST', `/partnerships/${id}/feedback`, {
      token: request.owner.token,
      body: {
        rating,
        comment: rating >= 4 ? 'Sangat membantu usaha kami.' : 'Cukup, tapi jadwal sering berubah.',
      },
      allow: [409],
    });
    counts.completed++;
  });
  log(`seed: ${counts.partnerships} partnerships, ${counts.completed} completed and rated`);

  // 4. The demo accounts on the sign-in page: something to see for each (showcase.ts).
  const showcase = await seedShowcase(api, demo);
  counts.partnerships += showcase.partnerships;
  log(`seed: ${showcase.partnerships} partnerships for the demo accounts`);

  await db.send(
    new PutCommand({
      TableName: config.TABLE_NAME,
      Item: { ...marker, version: SEED_VERSION, counts },
    }),
  );
  return { created: true, counts };
}
