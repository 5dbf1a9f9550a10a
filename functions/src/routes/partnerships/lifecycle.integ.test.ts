import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../store/table';
import { type Harness, harness } from '../../testing/harness';

let h: Harness;
beforeAll(async () => {
  h = await harness();
});

async function setup(capacity = 2) {
  const partner = await h.partner('corporate');
  const offer = await h.offer(partner.token, { capacity });
  const umkm = await h.umkm();
  const request = await h.request(umkm.token);
  return { partner, offer, umkm, request };
}

describe('the partnership lifecycle', () => {
  it('proposes, accepts (taking a slot), completes and rates; the rating reaches the partner’s offers', async () => {
    const { partner, offer, umkm, request } = await setup(2);
    const proposed = await h.call('POST', '/partnerships', {
      token: umkm.token,
      body: { requestId: request.id, offerId: offer.id },
    });
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({ status: 'proposed', source: 'direct', requestId: request.id });
    const id = proposed.body.id;

    const accepted = await h.call('POST', `/partnerships/${id}/accept`, { token: partner.token });
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('active');
    expect((await h.call('GET', `/offers/${offer.id}`, { token: partner.token })).body.remaining).toBe(1);

    const again = await h.call('POST', `/partnerships/${id}/accept`, { token: partner.token });
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toContain('application/problem+json');

    const completed = await h.call('POST', `/partnerships/${id}/complete`, { token: umkm.token });
    expect(completed.body.status).toBe('completed');
    expect((await h.call('GET', `/offers/${offer.id}`, { token: partner.token })).body.remaining).toBe(1);

    const rated = await h.call('POST', `/partnerships/${id}/feedback`, {
      token: umkm.token,
      body: { rating: 4, comment: 'Sangat membantu' },
    });
    expect(rated.status).toBe(200);
    expect(rated.body.feedback.fromBusiness.rating).toBe(4);
    const twice = await h.call('POST', `/partnerships/${id}/feedback`, {
      token: umkm.token,
      body: { rating: 5 },
    });
    expect(twice.status).toBe(409);
    const fromPartner = await h.call('POST', `/partnerships/${id}/feedback`, {
      token: partner.token,
      body: { rating: 5 },
    });
    expect(fromPartner.status).toBe(200);

    const org = await h.call('GET', `/organizations/${partner.organization.id}`, { token: umkm.token });
    expect(org.body.track).toEqual({ ratingCount: 1, ratingSum: 4, ratingAverage: 4 });
    const refreshed = await h.call('GET', `/offers/${offer.id}`, { token: umkm.token });
    expect(refreshed.body.track).toMatchObject({ ratingCount: 1, ratingSum: 4 });

    const mine = await h.call('GET', '/partnerships?role=mine', { token: partner.token });
    expect(mine.body.items.map((p: { id: string }) => p.id)).toContain(id);
    const theirs = await h.call('GET', '/partnerships?role=mine&status=completed', { token: umkm.token });
    expect(theirs.body.items.map((p: { id: string }) => p.id)).toEqual([id]);
  });

  it('declines a proposal and remembers it: the same pair cannot be proposed again', async () => {
    const { partner, offer, umkm, request } = await setup();
    const body = { requestId: request.id, offerId: offer.id };
    const first = await h.call('POST', '/partnerships', { token: umkm.token, body });
    const duplicate = await h.call('POST', '/partnerships', { token: umkm.token, body });
    expect(duplicate.status).toBe(409);
    const declined = await h.call('POST', `/partnerships/${first.body.id}/decline`, { token: partner.token });
    expect(declined.body.status).toBe('declined');
    const second = await h.call('POST', '/partnerships', { token: umkm.token, body });
    expect(second.status).toBe(409);
    expect(second.body.type).toContain('declined-before');
    const mine = await h.call('GET', `/requests/${request.id}`, { token: umkm.token });
    expect(mine.body.declinedOfferIds).toEqual([offer.id]);
    expect((await h.call('GET', `/offers/${offer.id}`, { token: umkm.token })).body).toMatchObject({
      remaining: 2,
      pendingProposals: 0,
    });
  });

  it('cancelling an active partnership gives its slot back; cancelling a proposal takes none', async () => {
    const { partner, offer, umkm, request } = await setup(1);
    const p = await h.call('POST', '/partnerships', {
      token: umkm.token,
      body: { requestId: request.id, offerId: offer.id },
    });
    await h.call('POST', `/partnerships/${p.body.id}/accept`, { token: partner.token });
    expect((await h.call('GET', `/offers/${offer.id}`, { token: umkm.token })).body.remaining).toBe(0);
    const cancelled = await h.call('POST', `/partnerships/${p.body.id}/cancel`, { token: partner.token });
    expect(cancelled.body.status).toBe('cancelled');
    expect((await h.call('GET', `/offers/${offer.id}`, { token: umkm.token })).body.remaining).toBe(1);
    const cancelAgain = await h.call('POST', `/partnerships/${p.body.id}/cancel`, { token: umkm.token });
    expect(cancelAgain.status).toBe(409);

    const q = await h.call('POST', '/partnerships', {
      token: umkm.token,
      body: { requestId: request.id, offerId: offer.id },
    });
    expect(
      (await h.call('POST', `/partnerships/${q.body.id}/cancel`, { token: umkm.token })).body.status,
    ).toBe('cancelled');
    expect((await h.call('GET', `/offers/${offer.id}`, { token: umkm.token })).body.remaining).toBe(1);
  });

  it('refuses to accept into a closed offer and to propose to a full one', async () => {
    const { partner, offer, umkm, request } = await setup(1);
    const p = await h.call('POST', '/partnerships', {
      token: umkm.token,
      body: { requestId: request.id, offerId: offer.id },
    });
    await h.call('DELETE', `/offers/${offer.id}`, { token: partner.token });
    const accepted = await h.call('POST', `/partnerships/${p.body.id}/accept`, { token: partner.token });
    expect(accepted.status).toBe(409);
    expect(accepted.body.detail).toContain('closed');

    const other = await setup(1);
    const second = await h.umkm();
    const secondRequest = await h.request(second.token);
    const a = await h.call('POST', '/partnerships', {
      token: other.umkm.token,
      body: { requestId: other.request.id, offerId: other.offer.id },
    });
    await h.call('POST', `/partnerships/${a.body.id}/accept`, { token: other.partner.token });
    const full = await h.call('POST', '/partnerships', {
      token: second.token,
      body: { requestId: secondRequest.id, offerId: other.offer.id },
    });
    expect(full.status).toBe(409);
    expect(full.body.type).toContain('capacity-full');
  });

  it('refuses a proposal between a request and an offer of different types', async () => {
    const { offer, umkm } = await setup();
    const internship = await h.request(umkm.token, { type: 'internship', needs: ['desain grafis'] });
    const reply = await h.call('POST', '/partnerships', {
      token: umkm.token,
      body: { requestId: internship.id, offerId: offer.id },
    });
    expect(reply.status).toBe(400);
    expect(reply.body.errors[0].field).toBe('offerId');
  });
});

describe('the race on the last slots', () => {
  it('lets exactly `remaining` of hundreds of concurrent accepts succeed, and slots agree with partnerships', async () => {
    const slots = 3;
    const contenders = 200;
    const partner = await h.partner('community');
    const offer = await h.offer(partner.token, {
      type: 'distribution',
      title: 'Distribusi produk pangan',
      topics: ['makanan ringan'],
      capacity: slots,
    });
    // Many UMKM propose (setup is sequential in small batches so only the accepts race).
    const ids: string[] = [];
    for (let batch = 0; batch < contenders; batch += 20) {
      const made = await Promise.all(
        Array.from({ length: Math.min(20, contenders - batch) }, async () => {
          const u = await h.umkm();
          const r = await h.request(u.token, { type: 'distribution', needs: ['makanan ringan'] });
          const p = await h.call('POST', '/partnerships', {
            token: u.token,
            body: { requestId: r.id, offerId: offer.id },
          });
          if (p.status !== 201) throw new Error(JSON.stringify(p.body));
          return p.body.id as string;
        }),
      );
      ids.push(...made);
    }

    const started = performance.now();
    const replies = await Promise.all(
      ids.map((id) => h.call('POST', `/partnerships/${id}/accept`, { token: partner.token })),
    );
    const elapsed = Math.round(performance.now() - started);
    const byStatus = new Map<number, number>();
    for (const r of replies) byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + 1);
    console.info(
      `race: ${contenders} concurrent accepts on ${slots} slots in ${elapsed} ms →`,
      Object.fromEntries(byStatus),
    );

    expect(byStatus.get(200)).toBe(slots);
    expect(byStatus.get(409)).toBe(contenders - slots);
    for (const r of replies.filter((r) => r.status === 409)) expect(r.body.type).toContain('capacity-full');

    // The stored truth agrees: remaining 0 and exactly `slots` active partnerships.
    const stored = await h.deps.db.send(
      new GetCommand({
        TableName: h.deps.config.TABLE_NAME,
        Key: keys.offer(offer.id),
        ConsistentRead: true,
      }),
    );
    expect(stored.Item?.remaining).toBe(0);
    const statuses = await Promise.all(
      ids.map(
        async (id) => (await h.call('GET', `/partnerships/${id}`, { token: partner.token })).body.status,
      ),
    );
    expect(statuses.filter((s) => s === 'active')).toHaveLength(slots);
    expect(statuses.filter((s) => s === 'proposed')).toHaveLength(contenders - slots);

    // Cancelling one active partnership frees exactly one slot for exactly one more accept.
    const activeId = ids[statuses.indexOf('active')] as string;
    await h.call('POST', `/partnerships/${activeId}/cancel`, { token: partner.token });
    const proposedIds = ids.filter((_, i) => statuses[i] === 'proposed').slice(0, 50);
    const second = await Promise.all(
      proposedIds.map((id) => h.call('POST', `/partnerships/${id}/accept`, { token: partner.token })),
    );
    expect(second.filter((r) => r.status === 200)).toHaveLength(1);
    const after = await h.call('GET', `/offers/${offer.id}`, { token: partner.token });
    expect(after.body.remaining).toBe(0);
  }, 120_000);
});
