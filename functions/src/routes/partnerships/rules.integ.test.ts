/**
 * The workflow's rules as the API answers them, on the real store: eligibility on direct proposals,
 * the named caps, ratings only for completed partnerships, the candidate view, and exact pages.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Harness, harness } from '../../testing/harness';

let h: Harness;
let small: Harness;
beforeAll(async () => {
  h = await harness();
  // Small caps, so reaching them takes a few calls (the same code reads LIMITS in production).
  small = await harness({
    runtime: { limits: { pendingProposals: 10, pendingProposalsPerOffer: 2, openRequestsPerType: 2 } },
  });
});

describe('proposals respect eligibility', () => {
  it('answers 422 with the same "why not" the match list gives', async () => {
    const partner = await h.partner('corporate');
    const offer = await h.offer(partner.token, { sizeClasses: ['menengah'] });
    const umkm = await h.umkm();
    const request = await h.request(umkm.token);
    const reply = await h.call('POST', '/partnerships', {
      token: umkm.token,
      body: { requestId: request.id, offerId: offer.id },
    });
    expect(reply.status).toBe(422);
    expect(reply.headers.get('content-type')).toContain('application/problem+json');
    expect(reply.body.type).toContain('not-eligible');
    // The excluded offers come in pages: follow them until this offer's "why not".
    let whyNot: { offerId: string; filter: string; reason: unknown } | undefined;
    let cursor: string | undefined;
    do {
      const page = await h.call(
        'GET',
        `/requests/${request.id}/matches?explain=excluded&limit=1&excludedLimit=100${cursor ? `&excludedCursor=${cursor}` : ''}`,
        { token: umkm.token },
      );
      whyNot = page.body.excluded.items.find((e: { offerId: string }) => e.offerId === offer.id);
      cursor = page.body.excluded.nextCursor;
    } while (!whyNot && cursor);
    if (!whyNot) throw new Error('the offer is not among the excluded ones');
    expect(reply.body.whyNot).toEqual({ filter: whyNot.filter, reason: whyNot.reason });
  });
});

describe('caps against flooding, each a named limit', () => {
  it('bounds proposals waiting per offer', async () => {
    const partner = await small.partner('corporate');
    const offer = await small.offer(partner.token, { capacity: 5 });
    const replies = [];
    for (let i = 0; i < 3; i++) {
      const umkm = await small.umkm();
      const request = await small.request(umkm.token);
      replies.push(
        await small.call('POST', '/partnerships', {
          token: umkm.token,
          body: { requestId: request.id, offerId: offer.id },
        }),
      );
    }
    expect(replies.map((r) => r.status)).toEqual([201, 201, 409]);
    expect(replies[2]?.body).toMatchObject({
      type: expect.stringContaining('limit-exceeded'),
      limit: { name: 'pendingProposalsPerOffer', value: 2 },
    });
  });

  it('bounds requests not closed per business and type; closing one makes room', async () => {
    const umkm = await small.umkm();
    const first = await small.request(umkm.token);
    await small.request(umkm.token);
    const third = await small.call('POST', '/requests', {
      token: umkm.token,
      body: { type: 'mentorship', needs: ['pemasaran digital'] },
    });
    expect(third.status).toBe(409);
    expect(third.body.limit).toEqual({ name: 'openRequestsPerType', value: 2 });
    const otherType = await small.call('POST', '/requests', {
      token: umkm.token,
      body: { type: 'internship', needs: ['desain grafis'] },
    });
    expect(otherType.status).toBe(201);
    await small.call('DELETE', `/requests/${first.id}`, { token: umkm.token });
    const again = await small.call('POST', '/requests', {
      token: umkm.token,
      body: { type: 'mentorship', needs: ['pemasaran digital'] },
    });
    expect(again.status).toBe(201);
  });
});

describe('ratings', () => {
  it('only a completed partnership is rated; a cancelled one leaves the track record untouched', async () => {
    const partner = await h.partner('corporate');
    const offer = await h.offer(partner.token, { capacity: 2 });
    const umkm = await h.umkm();
    const request = await h.request(umkm.token);
    const p = await h.call('POST', '/partnerships', {
      token: umkm.token,
      body: { requestId: request.id, offerId: offer.id },
    });
    await h.call('POST', `/partnerships/${p.body.id}/accept`, { token: partner.token });
    const early = await h.call('POST', `/partnerships/${p.body.id}/feedback`, {
      token: umkm.token,
      body: { rating: 1 },
    });
    expect(early.status).toBe(409);
    await h.call('POST', `/partnerships/${p.body.id}/cancel`, { token: umkm.token });
    const late = await h.call('POST', `/partnerships/${p.body.id}/feedback`, {
      token: umkm.token,
      body: { rating: 1 },
    });
    expect(late.status).toBe(409);
    const org = await h.call('GET', `/organizations/${partner.organization.id}`, { token: umkm.token });
    expect(org.body.track).toMatchObject({ ratingCount: 0, ratingSum: 0 });
  });
});

describe('the candidate view', () => {
  it('carries what a partner decides on, never the owner’s id or its other proposals', async () => {
    const partner = await h.partner('corporate');
    const offer = await h.offer(partner.token);
    const other = await h.offer((await h.partner('corporate')).token);
    const umkm = await h.umkm();
    const request = await h.request(umkm.token, { note: 'Kami siap bermitra' });
    await h.call('POST', '/partnerships', {
      token: umkm.token,
      body: { requestId: request.id, offerId: other.id },
    });
    const reply = await h.call('GET', `/offers/${offer.id}/candidates?limit=100`, { token: partner.token });
    const mine = reply.body.items.find((c: { requestId: string }) => c.requestId === request.id);
    expect(mine.request).toMatchObject({ needs: request.needs, note: 'Kami siap bermitra' });
    expect(mine.request.business).toMatchObject({ province: request.business.province });
    for (const hidden of ['ownerId', 'businessId', 'pendingProposals', 'declinedOfferIds']) {
      expect(mine.request).not.toHaveProperty(hidden);
    }
    expect(JSON.stringify(reply.body)).not.toContain(umkm.userId);
  });
});

describe('lists that do not lie', () => {
  it('a filtered list gives full pages, and a cursor only when more follows', async () => {
    const partner = await h.partner('corporate');
    const offer = await h.offer(partner.token, { capacity: 20 });
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const umkm = await h.umkm();
      const request = await h.request(umkm.token);
      const p = await h.call('POST', '/partnerships', {
        token: umkm.token,
        body: { requestId: request.id, offerId: offer.id },
      });
      ids.push(p.body.id);
    }
    // Decline every other one: a status filter now skips items between the ones it keeps.
    for (const id of ids.filter((_, i) => i % 2 === 0)) {
      await h.call('POST', `/partnerships/${id}/decline`, { token: partner.token });
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    const sizes: number[] = [];
    do {
      const reply = await h.call(
        'GET',
        `/partnerships?role=mine&status=proposed&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        { token: partner.token },
      );
      expect(reply.status).toBe(200);
      sizes.push(reply.body.items.length);
      seen.push(...reply.body.items.map((p: { id: string }) => p.id));
      cursor = reply.body.nextCursor;
    } while (cursor);
    expect(sizes).toEqual([2, 1]);
    expect(seen.sort()).toEqual(ids.filter((_, i) => i % 2 === 1).sort());
  });
});
