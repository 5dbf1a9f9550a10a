import { beforeAll, describe, expect, it } from 'vitest';
import { type Harness, harness } from '../../testing/harness';

let h: Harness;
beforeAll(async () => {
  h = await harness();
});

async function inbox(token: string) {
  const res = await h.call('GET', '/inbox', { token });
  expect(res.status).toBe(200);
  return res.body as {
    count: number;
    needsAnswer: number;
    items: { kind: string; needsAnswer: boolean; partnershipId: string; counterpart: string }[];
  };
}

describe('GET /inbox', () => {
  it('counts what the other side did: a proposal received, then the answer', async () => {
    const partner = await h.partner('corporate');
    const offer = await h.offer(partner.token, { capacity: 3 });
    const umkm = await h.umkm();
    const second = await h.umkm();
    const [r1, r2] = [await h.request(umkm.token), await h.request(second.token)];

    expect(await inbox(partner.token)).toMatchObject({ count: 0, needsAnswer: 0 });
    const p1 = await h.call('POST', '/partnerships', {
      token: umkm.token,
      body: { requestId: r1.id, offerId: offer.id },
    });
    const p2 = await h.call('POST', '/partnerships', {
      token: second.token,
      body: { requestId: r2.id, offerId: offer.id },
    });
    // The UMKM's own proposals ask nothing of it; the partner has two to answer.
    expect((await inbox(umkm.token)).count).toBe(0);
    const waiting = await inbox(partner.token);
    expect(waiting).toMatchObject({ count: 2, needsAnswer: 2 });
    expect(waiting.items.map((i) => i.kind)).toEqual(['received', 'received']);

    await h.call('POST', `/partnerships/${p1.body.id}/accept`, { token: partner.token });
    await h.call('POST', `/partnerships/${p2.body.id}/decline`, { token: partner.token });
    expect(await inbox(partner.token)).toMatchObject({ count: 0, needsAnswer: 0 });
    const first = await inbox(umkm.token);
    expect(first.items).toMatchObject([{ kind: 'accepted', needsAnswer: false, partnershipId: p1.body.id }]);
    const other = await inbox(second.token);
    expect(other.items).toMatchObject([{ kind: 'declined', partnershipId: p2.body.id }]);
  });

  it('asks for a token', async () => {
    const res = await h.call('GET', '/inbox', {});
    expect(res.status).toBe(401);
  });
});
