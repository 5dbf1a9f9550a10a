/**
 * The warm catalogues across function instances, on DynamoDB Local: two app instances on one table,
 * one changes, the other reads; a restarted instance starts cold and answers the same.
 */

import { DeleteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { rankIndexedOffers, rankOffers } from '@sinergi/shared/matching';
import { toMatchRequest } from '@sinergi/shared/schemas';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { NO_RATE_LIMITS } from '../http/rate-limit';
import { createDocumentClient } from '../store/client';
import { dynamoCatalogSources } from '../store/dynamo-catalog';
import { CATALOG_SHARDS, KEY, partitions } from '../store/table';
import { type Harness, harness } from '../testing/harness';
import { warmCatalogs } from '.';

let h: Harness;
let other: ReturnType<typeof createApp>;

// biome-ignore lint/suspicious/noExplicitAny: JSON bodies
async function read(app: ReturnType<typeof createApp>, path: string, token: string): Promise<any> {
  const response = await app.request(`/api${path}`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return response.json();
}

const ids = (body: { items: { offerId?: string; requestId?: string }[] }) =>
  body.items.map((m) => m.offerId ?? m.requestId);

const instance = () => createApp({ ...h.deps, rateLimits: NO_RATE_LIMITS });

beforeAll(async () => {
  h = await harness({}, { isolated: true });
  other = instance(); // a second function instance on the same table
});

describe('warm catalogues', () => {
  it("shows one instance's change to an offer (capacity, topics, status) on the other's next read", async () => {
    const partner = await h.partner('corporate');
    const offer = await h.offer(partner.token, { topics: ['pemasaran digital'], capacity: 2 });
    const umkm = await h.umkm();
    const request = await h.request(umkm.token, { needs: ['pemasaran digital'] });
    const matches = `/requests/${request.id}/matches?explain=excluded`;

    const first = await read(other, matches, umkm.token);
    expect(ids(first)).toContain(offer.id);
    expect(first.items.find((m: { offerId: string }) => m.offerId === offer.id).offer.capacity).toBe(2);

    // Capacity, through instance h.
    await h.call('PATCH', `/offers/${offer.id}`, { token: partner.token, body: { capacity: 5 } });
    const second = await read(other, matches, umkm.token);
    const seen = second.items.find((m: { offerId: string }) => m.offerId === offer.id);
    expect(seen.offer).toMatchObject({ capacity: 5, remaining: 5 });

    // Topics: the match's reasons and fit follow the new topics.
    await h.call('PATCH', `/offers/${offer.id}`, { token: partner.token, body: { topics: ['ekspor'] } });
    const third = await read(other, matches, umkm.token);
    const moved = third.items.find((m: { offerId: string }) => m.offerId === offer.id);
    expect(moved.offer.topics).toEqual(['ekspor']);
    expect(moved.fit).toBeLessThan(seen.fit);

    // Status: a closed offer leaves the other instance's list.
    await h.call('DELETE', `/offers/${offer.id}`, { token: partner.token });
    const fourth = await read(other, matches, umkm.token);
    expect(ids(fourth)).not.toContain(offer.id);
    expect(fourth.excluded.items.map((e: { offerId: string }) => e.offerId)).not.toContain(offer.id);
  });

  it('drops an offer that fills between two reads', async () => {
    const partner = await h.partner('university');
    const offer = await h.offer(partner.token, {
      type: 'internship',
      topics: ['desain grafis'],
      capacity: 1,
    });
    const reader = await h.umkm();
    const readerRequest = await h.request(reader.token, { type: 'internship', needs: ['desain grafis'] });
    const matches = `/requests/${readerRequest.id}/matches?explain=excluded`;
    expect(ids(await read(other, matches, reader.token))).toContain(offer.id);

    const winner = await h.umkm();
    const winnerRequest = await h.request(winner.token, { type: 'internship', needs: ['desain grafis'] });
    const proposed = await h.call('POST', '/partnerships', {
      token: winner.token,
      body: { requestId: winnerRequest.id, offerId: offer.id },
    });
    expect(proposed.status).toBe(201);
    // Another offer of the type, to watch the candidates side on the other instance.
    const spare = await h.offer(partner.token, {
      type: 'internship',
      topics: ['desain grafis'],
      capacity: 2,
    });
    const spareCandidates = `/offers/${spare.id}/candidates`;
    expect(ids(await read(other, spareCandidates, partner.token))).toContain(winnerRequest.id);
    const accepted = await h.call('POST', `/partnerships/${proposed.body.id}/accept`, {
      token: partner.token,
    });
    expect(accepted.status).toBe(200);

    const after = await read(other, matches, reader.token);
    expect(ids(after)).not.toContain(offer.id);
    expect(after.excluded.items).toContainEqual(
      expect.objectContaining({ offerId: offer.id, filter: 'capacity' }),
    );
    // The matched request left the other instance's candidates too.
    const candidates = await read(other, spareCandidates, partner.token);
    expect(ids(candidates)).not.toContain(winnerRequest.id);
    expect(ids(candidates)).toContain(readerRequest.id);
  });

  it('sees new requests among candidates, and a restarted instance starts cold with the same answers', async () => {
    const partner = await h.partner('community');
    const offer = await h.offer(partner.token, { type: 'distribution', topics: ['distribusi'], capacity: 3 });
    const candidates = `/offers/${offer.id}/candidates`;
    const before = await read(other, candidates, partner.token);
    const umkm = await h.umkm();
    const request = await h.request(umkm.token, { type: 'distribution', needs: ['distribusi'] });
    const warm = await read(other, candidates, partner.token);
    expect(ids(warm)).toContain(request.id);
    expect(warm.eligibleCount).toBe(before.eligibleCount + 1);

    const restarted = instance();
    const cold = await read(restarted, candidates, partner.token);
    expect(cold).toEqual(warm);
    const matches = `/requests/${request.id}/matches?explain=excluded`;
    expect(await read(restarted, matches, umkm.token)).toEqual(await read(other, matches, umkm.token));
  });

  it('answers like the query-everything path, and reloads cold when the log it needs has expired', async () => {
    const partner = await h.partner('corporate');
    const umkm = await h.umkm();
    const request = await h.request(umkm.token, { needs: ['ekspor'] });
    const matches = `/requests/${request.id}/matches?explain=excluded&limit=50`;
    const baseline = createApp({ ...h.deps, rateLimits: NO_RATE_LIMITS, matchReads: 'query' });
    const storage = { db: h.deps.db, tableName: h.deps.config.TABLE_NAME };
    const catalogs = warmCatalogs(dynamoCatalogSources(storage));
    await catalogs.offers('mentorship');
    const offer = await h.offer(partner.token, { topics: ['ekspor'] });
    expect(await read(other, matches, umkm.token)).toEqual(await read(baseline, matches, umkm.token));

    // The log entries expire (TTL): the instance holding an older version finds a gap and starts over.
    for (let shard = 0; shard < CATALOG_SHARDS; shard++) {
      const pk = partitions.catalogChanges('offers', shard);
      const out = await h.deps.db.send(
        new QueryCommand({
          TableName: h.deps.config.TABLE_NAME,
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': pk },
        }),
      );
      for (const item of out.Items ?? []) {
        await h.deps.db.send(
          new DeleteCommand({ TableName: h.deps.config.TABLE_NAME, Key: { PK: item.PK, SK: item.SK } }),
        );
      }
    }
    const view = await catalogs.offers('mentorship');
    expect(catalogs.offerCatalog.stats.resets).toBe(1);
    expect(catalogs.offerCatalog.stats.coldLoads).toBe(2);
    expect(view.get(offer.id)).toMatchObject({ id: offer.id, status: 'open' });
  });

  it('ranks from its index and the changes since exactly as the query-everything path, through rebuilds', async () => {
    const partner = await h.partner('corporate');
    const umkm = await h.umkm();
    const request = await h.request(umkm.token, { needs: ['pemasaran digital', 'ekspor'] });
    const mine = await h.offer(partner.token, { topics: ['ekspor'], capacity: 4 });
    const baseline = createApp({ ...h.deps, rateLimits: NO_RATE_LIMITS, matchReads: 'query' });
    const matches = `/requests/${request.id}/matches?limit=50`;
    const candidates = `/offers/${mine.id}/candidates?limit=50`;
    const same = async () => {
      expect(await read(other, matches, umkm.token)).toEqual(await read(baseline, matches, umkm.token));
      expect(await read(other, candidates, partner.token)).toEqual(
        await read(baseline, candidates, partner.token),
      );
    };
    await same(); // the index is built here
    const topics = [
      ['ekspor'],
      ['pemasaran digital'],
      ['pemasaran digital', 'ekspor'],
      ['kemasan'],
      ['pembukuan'],
    ];
    // Four rounds of 25 changes: new offers and requests, capacities and topics changed, offers closed.
    // More than 64 changes pass the rebuild threshold, so both the delta and a rebuilt index are read.
    for (let round = 0; round < 4; round++) {
      const made = [];
      for (let i = 0; i < 15; i++)
        made.push(await h.offer(partner.token, { topics: topics[(round + i) % 5], capacity: 1 + (i % 4) }));
      for (let i = 0; i < 4; i++) {
        const business = await h.umkm();
        await h.request(business.token, { needs: topics[(round * 3 + i) % 5] });
      }
      for (const [i, offer] of made.slice(0, 3).entries())
        await h.call('PATCH', `/offers/${offer.id}`, { token: partner.token, body: { capacity: 6 + i } });
      for (const offer of made.slice(3, 5))
        await h.call('PATCH', `/offers/${offer.id}`, { token: partner.token, body: { topics: ['kemasan'] } });
      await h.call('DELETE', `/offers/${(made[5] as { id: string }).id}`, { token: partner.token });
      await same();
    }
  });

  it('builds a new index in the background once the changes pass the mark: no read builds it, none is wrong meanwhile', async () => {
    const partner = await h.partner('corporate');
    const umkm = await h.umkm();
    const request = toMatchRequest(await h.request(umkm.token, { type: 'internship', needs: ['ekspor'] }));
    const catalogs = warmCatalogs(
      dynamoCatalogSources({ db: h.deps.db, tableName: h.deps.config.TABLE_NAME }),
    );
    const exact = (view: Awaited<ReturnType<typeof catalogs.offers>>) => {
      const ranking = view.ranking as NonNullable<typeof view.ranking>;
      expect(rankIndexedOffers(request, ranking.index, { limit: 50 }, ranking.delta)).toEqual(
        rankOffers(request, view.prepared, { limit: 50 }),
      );
      return ranking;
    };
    const first = exact(await catalogs.offers('internship'));
    // 70 new offers: past the mark of an index this small (64 changes).
    const made = [];
    for (let i = 0; i < 70; i++)
      made.push(
        await h.offer(partner.token, { type: 'internship', topics: ['ekspor'], capacity: 1 + (i % 3) }),
      );
    const crossing = exact(await catalogs.offers('internship'));
    // The read that crossed the mark answered from the old index and the 70 changes, building nothing.
    expect(crossing.index).toBe(first.index);
    expect(crossing.delta?.fresh.length).toBeGreaterThanOrEqual(70);
    // A change made while the build may still run: in the new index or in its delta, never lost.
    await h.call('PATCH', `/offers/${(made[0] as { id: string }).id}`, {
      token: partner.token,
      body: { capacity: 9 },
    });
    exact(await catalogs.offers('internship'));
    await catalogs.offerCatalog.indexed();
    const after = exact(await catalogs.offers('internship'));
    expect(after.index).not.toBe(first.index);
    expect(after.delta?.fresh.length ?? 0).toBeLessThanOrEqual(1);
    expect((await catalogs.offers('internship')).get((made[0] as { id: string }).id)?.capacity).toBe(9);
  });

  it('takes the request of a match read (the offer of a candidate read) from its warm catalogue, as of the call', async () => {
    // A reader whose reads of single requests and offers are counted.
    const db = createDocumentClient(h.deps.config);
    let requestReads = 0;
    let offerReads = 0;
    let versionReads = 0;
    db.middlewareStack.add(
      (next) => async (args) => {
        const input = args.input as {
          Key?: Record<string, unknown>;
          ExpressionAttributeValues?: Record<string, unknown>;
        };
        const pk = String(input.Key?.[KEY.pk] ?? '');
        if (pk.startsWith('REQUEST#')) requestReads++;
        if (pk.startsWith('OFFER#')) offerReads++;
        if (input.ExpressionAttributeValues?.[':pk'] === partitions.catalog) versionReads++;
        return next(args);
      },
      { step: 'initialize', name: 'countRequestReads' },
    );
    const reader = createApp({ ...h.deps, db, rateLimits: NO_RATE_LIMITS });
    const partner = await h.partner('university');
    const offer = await h.offer(partner.token, { type: 'internship', topics: ['akuntansi'], capacity: 4 });
    const umkm = await h.umkm();
    const request = await h.request(umkm.token, { type: 'internship', needs: ['akuntansi'] });
    const matches = `/requests/${request.id}/matches`;
    await read(reader, `/offers/${offer.id}/candidates`, partner.token); // loads the requests' type
    const warm = await read(reader, matches, umkm.token);
    expect(ids(warm)).toContain(offer.id);

    requestReads = 0;
    offerReads = 0;
    versionReads = 0;
    expect(await read(reader, matches, umkm.token)).toEqual(warm);
    expect(requestReads).toBe(0);
    // One version read serves both catalogues the call asks (its request's and the offers').
    expect(versionReads).toBe(1);
    const candidates = await read(reader, `/offers/${offer.id}/candidates`, partner.token);
    expect(offerReads).toBe(0);
    expect(candidates).toEqual(await read(instance(), `/offers/${offer.id}/candidates`, partner.token));

    // Changed through the other instance: the reader's next match read ranks the request as it is now.
    await h.call('PATCH', `/requests/${request.id}`, { token: umkm.token, body: { needs: ['ekspor'] } });
    const changed = await read(reader, matches, umkm.token);
    expect(requestReads).toBe(0);
    expect(changed).toEqual(await read(instance(), matches, umkm.token));
    expect(changed.items.find((m: { offerId: string }) => m.offerId === offer.id)?.fit ?? 0).toBeLessThan(
      warm.items.find((m: { offerId: string }) => m.offerId === offer.id).fit,
    );

    // Another UMKM's request stays hidden; a request the catalogue does not hold is read from the table.
    const stranger = await h.umkm();
    const hidden = await reader.request(`/api${matches}`, {
      headers: { authorization: `Bearer ${stranger.token}` },
    });
    expect(hidden.status).toBe(404);
    await h.call('DELETE', `/requests/${request.id}`, { token: umkm.token });
    requestReads = 0;
    const closed = await reader.request(`/api${matches}`, {
      headers: { authorization: `Bearer ${umkm.token}` },
    });
    const fresh = await instance().request(`/api${matches}`, {
      headers: { authorization: `Bearer ${umkm.token}` },
    });
    expect(requestReads).toBeGreaterThan(0);
    expect(closed.status).toBe(fresh.status);
    expect(await closed.json()).toEqual(await fresh.json());
  });

  it('shares a version read among concurrent calls, and never answers older than the call', async () => {
    // The reader's own client, whose version reads can be made slow to answer (a slow network: the read
    // is evaluated at once, its answer arrives `slowMs` later).
    const db = createDocumentClient(h.deps.config);
    let slowMs = 0;
    let versionReads = 0;
    db.middlewareStack.add(
      (next) => async (args) => {
        const input = args.input as { ExpressionAttributeValues?: Record<string, unknown> };
        const versions = input.ExpressionAttributeValues?.[':pk'] === partitions.catalog;
        const out = await next(args);
        if (versions) {
          versionReads++;
          if (slowMs > 0) await new Promise((r) => setTimeout(r, slowMs));
        }
        return out;
      },
      { step: 'initialize', name: 'slowVersionReads' },
    );
    const reader = createApp({ ...h.deps, db, rateLimits: NO_RATE_LIMITS });
    const partner = await h.partner('corporate');
    const umkm = await h.umkm();
    const request = await h.request(umkm.token, { needs: ['kemasan'] });
    const matches = `/requests/${request.id}/matches`;
    await read(reader, matches, umkm.token); // warm

    versionReads = 0;
    await Promise.all(Array.from({ length: 16 }, () => read(reader, matches, umkm.token)));
    // One read per round trip, not per call: the first call's, then the one all the others share.
    expect(versionReads).toBeLessThanOrEqual(4);

    // A read in flight across a change must not answer a call that began after the change.
    for (let i = 0; i < 3; i++) {
      slowMs = 0;
      const offer = await h.offer(partner.token, { topics: ['kemasan'] });
      expect(ids(await read(reader, matches, umkm.token))).toContain(offer.id);
      slowMs = 400;
      const before = read(reader, matches, umkm.token); // its version read is evaluated, then held
      await new Promise((r) => setTimeout(r, 100));
      await h.call('DELETE', `/offers/${offer.id}`, { token: partner.token });
      expect(ids(await read(reader, matches, umkm.token))).not.toContain(offer.id);
      await before;
    }
  });
});
