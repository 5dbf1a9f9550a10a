/**
 * Rounds as jobs on the real DynamoDB Local: 202 at once, progress, summary, assignments with reasons,
 * stated preferences, idempotent confirm that refuses changed data, lapses, CSV, seeds — and a round of
 * 100,000 requests that answers at once and reports progress while it runs.
 */

import type { Offer, PartnershipRequest } from '@sinergi/shared/schemas';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateOffers, generateRequests } from '../../../../shared/bench/instances';
import type { RoundSource } from '../../domain/rounds';
import { type Account, type Harness, harness } from '../../testing/harness';

let h: Harness;
let admin: Account;
let clock = Date.parse('2026-06-01T08:00:00Z');
beforeAll(async () => {
  h = await harness({ runtime: { now: () => new Date(clock) } }, { isolated: true });
  admin = await h.login('admin');
});

type Umkm = Awaited<ReturnType<Harness['umkm']>>;
type Partner = Awaited<ReturnType<Harness['partner']>>;

async function world(requests: number, capacities: number[]) {
  const partners: { partner: Partner; offerId: string }[] = [];
  for (const [i, capacity] of capacities.entries()) {
    const partner = await h.partner('corporate');
    const offer = await h.offer(partner.token, {
      type: 'mentorship',
      title: `Mentoring ${i}`,
      topics: i % 2 ? ['pembukuan'] : ['pemasaran digital'],
      capacity,
    });
    partners.push({ partner, offerId: offer.id });
  }
  const umkms: { umkm: Umkm; requestId: string }[] = [];
  for (let i = 0; i < requests; i++) {
    const umkm = await h.umkm({ province: i % 2 ? '94' : '31' });
    const request = await h.request(umkm.token, {
      type: 'mentorship',
      needs: i % 3 ? ['pemasaran digital'] : ['pembukuan'],
    });
    umkms.push({ umkm, requestId: request.id });
  }
  return { partners, umkms };
}

async function until(id: string, token = admin.token) {
  const seen: number[] = [];
  for (let i = 0; i < 2400; i++) {
    const reply = await h.call('GET', `/rounds/${id}`, { token });
    expect(reply.status).toBe(200);
    seen.push(reply.body.progress);
    if (reply.body.status === 'done' || reply.body.status === 'failed') return { round: reply.body, seen };
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`round ${id} did not finish`);
}

const start = async (body: Record<string, unknown>) => {
  const reply = await h.call('POST', '/rounds', {
    token: admin.token,
    body: { type: 'mentorship', dryRun: true, ...body },
  });
  expect(reply.status).toBe(202);
  expect(reply.body.status).toBe('queued');
  return reply.body.id as string;
};

describe('rounds as jobs', () => {
  it('runs the three objectives, reports groups, pages assignments with reasons, exports CSV, confirms once and lapses', async () => {
    const w = await world(8, [2, 2]);
    const ids = await Promise.all(
      (['stable', 'placements', 'welfare'] as const).map((objective) => start({ objective, seed: 5 })),
    );
    for (const id of ids) {
      const { round } = await until(id);
      expect(round.status).toBe('done');
      expect(round.seed).toBe(5);
      const s = round.summary;
      expect(s.groups.highPoverty.requests + s.groups.rest.requests).toBe(s.requests);
      expect(s.placed).toBeLessThanOrEqual(4);
      expect(s.blockingPairs).toHaveProperty('stated');
      const page = await h.call('GET', `/rounds/${id}/assignments`, { token: admin.token });
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBe(s.placed);
      for (const a of page.body.items) expect(a.reasons.length).toBeGreaterThan(0);
    }
    const csv = await h.app.request(`/api/rounds/${ids[0]}/assignments.csv`, {
      headers: { authorization: `Bearer ${admin.token}` },
    });
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const impact = await h.app.request(`/api/rounds/${ids[0]}/impact.csv`, {
      headers: { authorization: `Bearer ${admin.token}` },
    });
    const impactBytes = new Uint8Array(await impact.arrayBuffer());
    expect([...impactBytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(impactBytes)).toContain('kemiskinan tinggi');

    // The same seed on the same data: the same round.
    const again = await until(await start({ objective: 'welfare', seed: 5 }));
    const pageOf = async (id: string) =>
      (await h.call('GET', `/rounds/${id}/assignments`, { token: admin.token })).body.items;
    expect(await pageOf(again.round.id)).toEqual(await pageOf(ids[2] as string));

    // Confirm: once; a repeat answers the same; the partners see the proposals.
    const first = await h.call('POST', `/rounds/${ids[2]}/confirm`, { token: admin.token });
    expect(first.status).toBe(200);
    expect(first.body.confirmation.state).toBe('confirmed');
    const proposed = first.body.confirmation.proposed;
    expect(proposed).toBeGreaterThan(0);
    const repeat = await h.call('POST', `/rounds/${ids[2]}/confirm`, { token: admin.token });
    expect(repeat.status).toBe(200);
    expect(repeat.body.confirmation).toEqual(first.body.confirmation);
    let seenByPartners = 0;
    for (const { partner } of w.partners) {
      const mine = await h.call('GET', '/partnerships?role=mine&status=proposed', { token: partner.token });
      seenByPartners += mine.body.items.filter((p: { source: string }) => p.source === 'round').length;
    }
    expect(seenByPartners).toBe(proposed);

    // Another dry run's data has changed since (proposals were made): its confirm is refused.
    const stale = await h.call('POST', `/rounds/${ids[0]}/confirm`, { token: admin.token });
    expect(stale.status).toBe(409);

    // The window passes: the proposals lapse, their slots return.
    clock += 8 * 86_400_000;
    const lapsed = await h.call('POST', '/rounds/lapse', { token: admin.token });
    expect(lapsed.body.lapsed).toBe(proposed);
    for (const { partner, offerId } of w.partners) {
      const offer = (await h.call('GET', `/offers/${offerId}`, { token: partner.token })).body;
      expect(offer.pendingProposals).toBe(0);
    }
    // The same UMKM can be placed again.
    const next = await until(await start({ objective: 'welfare', seed: 5 }));
    expect(next.round.summary.placed).toBe(again.round.summary.placed);
  }, 180_000);

  it('lapses a round’s proposals after the programme’s own window (lapseDays), not the default week', async () => {
    const invalid = await h.call('POST', '/rounds', {
      token: admin.token,
      body: { type: 'mentorship', objective: 'welfare', dryRun: true, lapseDays: 0 },
    });
    expect(invalid.status).toBe(400);
    expect(JSON.stringify(invalid.body)).toContain('lapseDays');
    expect(
      (
        await h.call('POST', '/rounds', {
          token: admin.token,
          body: { type: 'mentorship', objective: 'welfare', dryRun: true, lapseDays: 61 },
        })
      ).status,
    ).toBe(400);

    await world(2, [2]);
    const id = await start({ objective: 'welfare', lapseDays: 2 });
    const { round } = await until(id);
    expect(round.lapseDays).toBe(2);
    const confirmed = await h.call('POST', `/rounds/${id}/confirm`, { token: admin.token });
    expect(confirmed.status).toBe(200);
    const proposed = confirmed.body.confirmation.proposed;
    expect(proposed).toBeGreaterThan(0);
    // A day in: inside the window, nothing lapses.
    clock += 1 * 86_400_000;
    expect((await h.call('POST', '/rounds/lapse', { token: admin.token })).body.lapsed).toBe(0);
    // Past two days (well before the default seven): every proposal of this round lapses.
    clock += 1.5 * 86_400_000;
    expect((await h.call('POST', '/rounds/lapse', { token: admin.token })).body.lapsed).toBe(proposed);
    // A round without a window gets the default.
    const plain = await until(await start({ objective: 'stable' }));
    expect(plain.round.lapseDays).toBe(7);
  }, 180_000);

  it('never assigns a pair a partner rejected or a UMKM declined, and puts a UMKM’s first wish first', async () => {
    // The table still holds the first test's open requests, which a partner may rank above u1: b gets
    // room for every request, so only u1's stated order decides where u1 goes.
    const w = await world(3, [3, 20]);
    const [a, b] = w.partners as [(typeof w.partners)[0], (typeof w.partners)[0]];
    const [u0, u1] = w.umkms as [(typeof w.umkms)[0], (typeof w.umkms)[0]];
    const reject = await h.call('PUT', `/rounds/preferences/offers/${a.offerId}`, {
      token: a.partner.token,
      body: { rejected: [u0.requestId] },
    });
    expect(reject.status).toBe(200);
    const decline = await h.call('PUT', `/rounds/preferences/requests/${u0.requestId}`, {
      token: u0.umkm.token,
      body: { shortlist: [], declined: [b.offerId] },
    });
    expect(decline.status).toBe(200);
    const wish = await h.call('PUT', `/rounds/preferences/requests/${u1.requestId}`, {
      token: u1.umkm.token,
      body: { shortlist: [b.offerId, a.offerId] },
    });
    expect(wish.status).toBe(200);
    // Someone else's request: not found for this partner.
    const foreign = await h.call('PUT', `/rounds/preferences/requests/${u1.requestId}`, {
      token: a.partner.token,
      body: { shortlist: [] },
    });
    expect(foreign.status).toBe(404);
    for (const objective of ['stable', 'placements', 'welfare'] as const) {
      const { round } = await until(await start({ objective, minFit: 0 }));
      const items = (await h.call('GET', `/rounds/${round.id}/assignments`, { token: admin.token })).body
        .items;
      const of = (id: string) => items.find((x: { requestId: string }) => x.requestId === id);
      expect(of(u0.requestId)?.offerId ?? 'none').not.toBe(a.offerId);
      expect(of(u0.requestId)?.offerId ?? 'none').not.toBe(b.offerId);
      if (objective === 'stable') {
        expect(of(u1.requestId)).toMatchObject({ offerId: b.offerId, statedRank: 0 });
        expect(round.summary.blockingPairs.stated).toBe(0);
      }
    }
  }, 180_000);

  it('a round of 100,000 requests answers 202 at once and reports progress until done', async () => {
    const base = {
      status: 'open',
      pendingProposals: [],
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    };
    const requests = generateRequests(100_000, 7).map(
      (r) =>
        ({
          ...base,
          ...r,
          ownerId: 'owner',
          business: { ...r.business, name: `UMKM ${r.id}` },
        }) as unknown as PartnershipRequest,
    );
    const offers = generateOffers(300, 8).map(
      (o) =>
        ({
          ...base,
          ...o,
          title: `Offer ${o.id}`,
          pendingProposals: 0,
          ownerId: 'owner',
          organization: { ...o.organization, name: `Org ${o.organization.id}` },
        }) as unknown as Offer,
    );
    const source: RoundSource = { load: async () => ({ requests, offers, skipped: 0 }) };
    const big = await harness({ rounds: { source } }, { isolated: true });
    const bigAdmin = await big.login('admin');
    const t = performance.now();
    const reply = await big.call('POST', '/rounds', {
      token: bigAdmin.token,
      body: { type: 'mentorship', objective: 'stable', equity: { target: 0 }, dryRun: true },
    });
    const answeredIn = performance.now() - t;
    expect(reply.status).toBe(202);
    expect(reply.body.id).toBeTruthy();
    // "At once": far less than the round itself takes (it runs after the answer).
    const seen: number[] = [];
    let status = '';
    for (let i = 0; i < 6000 && status !== 'done' && status !== 'failed'; i++) {
      const r = await big.call('GET', `/rounds/${reply.body.id}`, { token: bigAdmin.token });
      status = r.body.status;
      seen.push(r.body.progress);
      await new Promise((res) => setTimeout(res, 100));
    }
    const total = performance.now() - t;
    expect(status).toBe('done');
    expect(answeredIn).toBeLessThan(total / 5);
    const distinct = new Set(seen.filter((p) => p > 0 && p < 1));
    expect(distinct.size).toBeGreaterThan(2);
    for (let i = 1; i < seen.length; i++)
      expect(seen[i] as number).toBeGreaterThanOrEqual(seen[i - 1] as number);
  }, 600_000);
});
