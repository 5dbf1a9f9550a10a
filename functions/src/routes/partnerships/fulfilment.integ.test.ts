/**
 * A request is fulfilled when one of its partnerships is accepted: it becomes `matched` and leaves
 * matching, its other proposals are withdrawn, all in the accept's transaction; cancelling the active
 * partnership reopens it. On a table of its own (it counts partnerships and lists open requests).
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { LIMITS } from '@sinergi/shared/schemas';
import { beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../store/table';
import { type Harness, harness } from '../../testing/harness';
import { runRound } from '../rounds/test-support';

let h: Harness;
beforeAll(async () => {
  h = await harness({}, { isolated: true });
});

async function stored(key: { PK: string; SK: string }) {
  const out = await h.deps.db.send(
    new GetCommand({ TableName: h.deps.config.TABLE_NAME, Key: key, ConsistentRead: true }),
  );
  return out.Item;
}

/** One UMKM request proposed to `offers` offers of as many partners (capacity 2 each). */
async function proposedToMany(offers: number) {
  const umkm = await h.umkm();
  const request = await h.request(umkm.token);
  const sides = [];
  for (let i = 0; i < offers; i++) {
    const partner = await h.partner('corporate');
    const offer = await h.offer(partner.token, { capacity: 2, title: `Program ${i}` });
    const p = await h.call('POST', '/partnerships', {
      token: umkm.token,
      body: { requestId: request.id, offerId: offer.id },
    });
    expect(p.status).toBe(201);
    sides.push({ partner, offer, partnershipId: p.body.id as string });
  }
  return { umkm, request, sides };
}

const status = async (token: string, id: string) =>
  (await h.call('GET', `/partnerships/${id}`, { token })).body.status;
const remaining = async (token: string, id: string) =>
  (await h.call('GET', `/offers/${id}`, { token })).body.remaining;
const partnershipsCounted = async () => (await h.call('GET', '/stats/summary')).body.partnerships;
const candidateIds = async (token: string, offerId: string) =>
  (await h.call('GET', `/offers/${offerId}/candidates?limit=100`, { token })).body.items.map(
    (c: { requestId: string }) => c.requestId,
  );

describe('a request is fulfilled by an accepted partnership', () => {
  it('becomes matched, leaves the open-requests index and withdraws its other proposals', async () => {
    const { umkm, request, sides } = await proposedToMany(3);
    const [a, b, c] = sides as [(typeof sides)[0], (typeof sides)[0], (typeof sides)[0]];
    const got = await h.call('GET', `/requests/${request.id}`, { token: umkm.token });
    expect(got.body.pendingProposals).toHaveLength(3);
    expect(await candidateIds(a.partner.token, a.offer.id)).toContain(request.id);

    const accepted = await h.call('POST', `/partnerships/${a.partnershipId}/accept`, {
      token: a.partner.token,
    });
    expect(accepted.status).toBe(200);

    const after = await h.call('GET', `/requests/${request.id}`, { token: umkm.token });
    expect(after.body).toMatchObject({ status: 'matched', pendingProposals: [] });
    const item = await stored(keys.request(request.id));
    expect(item?.GSI1PK).toBeUndefined();
    expect(item?.GSI1SK).toBeUndefined();
    // No longer offered as a candidate, to this offer or any other.
    expect(await candidateIds(a.partner.token, a.offer.id)).not.toContain(request.id);
    expect(await candidateIds(b.partner.token, b.offer.id)).not.toContain(request.id);

    // The other proposals were withdrawn with it: they cannot be accepted, and their pairs are free.
    expect(await status(b.partner.token, b.partnershipId)).toBe('withdrawn');
    expect(await status(umkm.token, c.partnershipId)).toBe('withdrawn');
    expect(await stored(keys.pair(request.id, b.offer.id))).toBeUndefined();
    const late = await h.call('POST', `/partnerships/${b.partnershipId}/accept`, { token: b.partner.token });
    expect(late.status).toBe(409);
    expect(late.headers.get('content-type')).toContain('application/problem+json');
    expect(await remaining(b.partner.token, b.offer.id)).toBe(2);
    expect(await remaining(a.partner.token, a.offer.id)).toBe(1);
    const withdrawn = await h.call('GET', '/partnerships?role=mine&status=withdrawn', {
      token: umkm.token,
    });
    expect(withdrawn.body.items.map((p: { id: string }) => p.id).sort()).toEqual(
      [b.partnershipId, c.partnershipId].sort(),
    );

    // A matched request takes no new proposal and no change.
    const propose = await h.call('POST', '/partnerships', {
      token: umkm.token,
      body: { requestId: request.id, offerId: b.offer.id },
    });
    expect(propose.status).toBe(409);
    expect(propose.headers.get('content-type')).toContain('application/problem+json');
    expect(propose.body.detail).toContain('matched');
    const patch = await h.call('PATCH', `/requests/${request.id}`, {
      token: umkm.token,
      body: { note: 'lagi' },
    });
    expect(patch.status).toBe(409);
    expect((await h.call('GET', `/requests/${request.id}`, { token: umkm.token })).body.status).toBe(
      'matched',
    );
  });

  it('a matched request its owner closed stays closed when its partnership is cancelled', async () => {
    const { umkm, request, sides } = await proposedToMany(1);
    const [a] = sides as [(typeof sides)[0]];
    await h.call('POST', `/partnerships/${a.partnershipId}/accept`, { token: a.partner.token });
    const closed = await h.call('DELETE', `/requests/${request.id}`, { token: umkm.token });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
    expect(await status(umkm.token, a.partnershipId)).toBe('active');
    const cancelled = await h.call('POST', `/partnerships/${a.partnershipId}/cancel`, { token: umkm.token });
    expect(cancelled.body.status).toBe('cancelled');
    expect(await remaining(a.partner.token, a.offer.id)).toBe(2);
    const got = await h.call('GET', `/requests/${request.id}`, { token: umkm.token });
    expect(got.body.status).toBe('closed');
    expect((await stored(keys.request(request.id)))?.GSI1PK).toBeUndefined();
  });

  it('a round does not allocate a matched request again', async () => {
    const admin = await h.login('admin');
    const { request, sides } = await proposedToMany(1);
    const [a] = sides as [(typeof sides)[0]];
    await h.call('POST', `/partnerships/${a.partnershipId}/accept`, { token: a.partner.token });
    const round = await runRound(h, admin.token, { type: 'mentorship', dryRun: true });
    expect(round.round.status).toBe('done');
    expect(round.assignments.map((x) => x.requestId)).not.toContain(request.id);
  });

  it('cancelling the active partnership (either side) reopens the request; completing keeps it matched', async () => {
    for (const side of ['partner', 'umkm'] as const) {
      const { umkm, request, sides } = await proposedToMany(2);
      const [a, b] = sides as [(typeof sides)[0], (typeof sides)[0]];
      await h.call('POST', `/partnerships/${a.partnershipId}/accept`, { token: a.partner.token });
      const token = side === 'partner' ? a.partner.token : umkm.token;
      const cancelled = await h.call('POST', `/partnerships/${a.partnershipId}/cancel`, { token });
      expect(cancelled.body.status).toBe('cancelled');

      const reopened = await h.call('GET', `/requests/${request.id}`, { token: umkm.token });
      expect(reopened.body).toMatchObject({ status: 'open', pendingProposals: [] });
      const item = await stored(keys.request(request.id));
      expect(item?.GSI1PK).toBe('OPEN_REQUESTS#mentorship');
      expect(await candidateIds(b.partner.token, b.offer.id)).toContain(request.id);
      // Still withdrawn: reopening does not bring old proposals back, but the pair can be proposed anew.
      expect(await status(b.partner.token, b.partnershipId)).toBe('withdrawn');
      const again = await h.call('POST', '/partnerships', {
        token: umkm.token,
        body: { requestId: request.id, offerId: b.offer.id },
      });
      expect(again.status).toBe(201);
      expect(
        (await h.call('POST', `/partnerships/${again.body.id}/accept`, { token: b.partner.token })).status,
      ).toBe(200);
      expect((await h.call('GET', `/requests/${request.id}`, { token: umkm.token })).body.status).toBe(
        'matched',
      );
      const completed = await h.call('POST', `/partnerships/${again.body.id}/complete`, {
        token: umkm.token,
      });
      expect(completed.body.status).toBe('completed');
      expect((await h.call('GET', `/requests/${request.id}`, { token: umkm.token })).body.status).toBe(
        'matched',
      );
      expect(await candidateIds(b.partner.token, b.offer.id)).not.toContain(request.id);
    }
  });

  it('declining or cancelling a proposal leaves the request open', async () => {
    const { umkm, request, sides } = await proposedToMany(2);
    const [a, b] = sides as [(typeof sides)[0], (typeof sides)[0]];
    await h.call('POST', `/partnerships/${a.partnershipId}/decline`, { token: a.partner.token });
    await h.call('POST', `/partnerships/${b.partnershipId}/cancel`, { token: umkm.token });
    const got = await h.call('GET', `/requests/${request.id}`, { token: umkm.token });
    expect(got.body).toMatchObject({ status: 'open', pendingProposals: [] });
    expect(await candidateIds(a.partner.token, a.offer.id)).toContain(request.id);
  });

  it('closing a request withdraws its proposals waiting for an answer', async () => {
    const { umkm, request, sides } = await proposedToMany(2);
    const [a, b] = sides as [(typeof sides)[0], (typeof sides)[0]];
    const closed = await h.call('DELETE', `/requests/${request.id}`, { token: umkm.token });
    expect(closed.body).toMatchObject({ status: 'closed', pendingProposals: [] });
    expect(await status(a.partner.token, a.partnershipId)).toBe('withdrawn');
    expect(await status(b.partner.token, b.partnershipId)).toBe('withdrawn');
    const accept = await h.call('POST', `/partnerships/${a.partnershipId}/accept`, {
      token: a.partner.token,
    });
    expect(accept.status).toBe(409);
    expect(await remaining(a.partner.token, a.offer.id)).toBe(2);
  });

  it(`keeps at most ${LIMITS.pendingProposals} proposals of one request waiting`, async () => {
    const { umkm, request } = await proposedToMany(LIMITS.pendingProposals);
    const partner = await h.partner('corporate');
    const offer = await h.offer(partner.token);
    const one = await h.call('POST', '/partnerships', {
      token: umkm.token,
      body: { requestId: request.id, offerId: offer.id },
    });
    expect(one.status).toBe(409);
    expect(one.body.detail).toContain(`${LIMITS.pendingProposals}`);
  }, 60_000);
});

describe('the races on one request', () => {
  it('of concurrent accepts of its proposals, exactly one wins; the others end withdrawn', async () => {
    const before = await partnershipsCounted();
    const { umkm, request, sides } = await proposedToMany(5);
    const replies = await Promise.all(
      sides.map((s) => h.call('POST', `/partnerships/${s.partnershipId}/accept`, { token: s.partner.token })),
    );
    expect(replies.filter((r) => r.status === 200)).toHaveLength(1);
    expect(replies.filter((r) => r.status === 409)).toHaveLength(4);
    const statuses = await Promise.all(sides.map((s) => status(s.partner.token, s.partnershipId)));
    expect(statuses.filter((s) => s === 'active')).toHaveLength(1);
    expect(statuses.filter((s) => s === 'withdrawn')).toHaveLength(4);
    const slots = await Promise.all(sides.map((s) => remaining(s.partner.token, s.offer.id)));
    expect(slots.reduce((sum, n) => sum + n, 0)).toBe(5 * 2 - 1);
    expect(await partnershipsCounted()).toBe(before + 1);
    const got = await h.call('GET', `/requests/${request.id}`, { token: umkm.token });
    expect(got.body).toMatchObject({ status: 'matched', pendingProposals: [] });
  });

  it('a proposal racing an accept is refused or withdrawn, never left waiting on a matched request', async () => {
    for (let round = 0; round < 6; round++) {
      const { umkm, request, sides } = await proposedToMany(1);
      const [a] = sides as [(typeof sides)[0]];
      const others = await Promise.all(
        [0, 1, 2].map(async () => {
          const partner = await h.partner('university');
          return h.offer(partner.token);
        }),
      );
      const [accept, ...proposals] = await Promise.all([
        h.call('POST', `/partnerships/${a.partnershipId}/accept`, { token: a.partner.token }),
        ...others.map((o) =>
          h.call('POST', '/partnerships', {
            token: umkm.token,
            body: { requestId: request.id, offerId: o.id },
          }),
        ),
      ]);
      expect(accept?.status).toBe(200);
      for (const p of proposals) {
        expect([201, 409]).toContain(p.status);
        if (p.status === 201) expect(await status(umkm.token, p.body.id)).toBe('withdrawn');
      }
      const got = await h.call('GET', `/requests/${request.id}`, { token: umkm.token });
      expect(got.body).toMatchObject({ status: 'matched', pendingProposals: [] });
    }
  }, 60_000);
});

describe('the OpenAPI document', () => {
  it('names the matched request status and the withdrawn partnership status', async () => {
    const doc = (await h.call('GET', '/openapi.json')).body;
    expect(doc.components.schemas.RequestStatus.enum).toEqual(['open', 'matched', 'closed']);
    expect(doc.components.schemas.PartnershipStatus.enum).toContain('withdrawn');
    expect(doc.components.schemas.PartnershipRequest.required).toContain('pendingProposals');
  });
});
