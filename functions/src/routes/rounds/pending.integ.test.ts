/**
 * Rounds respect what is already pending: an offer takes at most `remaining − pendingProposals` new
 * proposals, and a request that already waits for an answer (or is matched) is not allocated again.
 * On a table of its own: a round reads every open request and offer of its type.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Account, type Harness, harness } from '../../testing/harness';
import { runRound } from './test-support';

let h: Harness;
let admin: Account;
beforeAll(async () => {
  h = await harness({}, { isolated: true });
  admin = await h.login('admin');
});

type Umkm = Awaited<ReturnType<Harness['umkm']>>;
type Partner = Awaited<ReturnType<Harness['partner']>>;

async function world(requests: number, capacities: number[]) {
  const partners: { partner: Partner; offerId: string }[] = [];
  for (const [i, capacity] of capacities.entries()) {
    const partner = await h.partner('community');
    const offer = await h.offer(partner.token, {
      type: 'distribution',
      title: `Distribusi ${i}`,
      topics: ['makanan ringan'],
      capacity,
    });
    partners.push({ partner, offerId: offer.id });
  }
  const umkms: { umkm: Umkm; requestId: string }[] = [];
  for (let i = 0; i < requests; i++) {
    const umkm = await h.umkm({ province: i % 2 ? '91' : '33' });
    const request = await h.request(umkm.token, { type: 'distribution', needs: ['makanan ringan'] });
    umkms.push({ umkm, requestId: request.id });
  }
  return { partners, umkms };
}

/** A round of distribution offers run to its end (a job: queued, run, and — unless a dry run — confirmed). */
const round = async (body: Record<string, unknown> = {}) => {
  const { round: job, assignments } = await runRound(h, admin.token, { type: 'distribution', ...body });
  return {
    job,
    assignments,
    skipped: job.skipped ?? 0,
    slots: job.summary?.slots ?? 0,
    proposed: job.confirmation?.proposed ?? 0,
  };
};

interface Partnership {
  id: string;
  status: string;
  requestId: string;
  offerId: string;
}

/**
 * What is stored, checked against the invariants: per offer, the proposals waiting equal its
 * `pendingProposals` counter and never exceed its remaining slots; per request, at most one is waiting.
 */
async function invariants(w: Awaited<ReturnType<typeof world>>) {
  const waitingPerRequest = new Map<string, number>();
  let waiting = 0;
  for (const { partner, offerId } of w.partners) {
    const mine = await h.call('GET', '/partnerships?role=mine&status=proposed&limit=100', {
      token: partner.token,
    });
    const proposals = (mine.body.items as Partnership[]).filter((p) => p.offerId === offerId);
    const offer = (await h.call('GET', `/offers/${offerId}`, { token: partner.token })).body;
    expect(offer.pendingProposals).toBe(proposals.length);
    expect(offer.pendingProposals).toBeLessThanOrEqual(offer.remaining);
    for (const p of proposals)
      waitingPerRequest.set(p.requestId, (waitingPerRequest.get(p.requestId) ?? 0) + 1);
    waiting += proposals.length;
  }
  for (const count of waitingPerRequest.values()) expect(count).toBe(1);
  return waiting;
}

describe('rounds respect pending proposals', () => {
  it('two rounds in a row never exceed free slots nor propose twice for one request', async () => {
    const w = await world(9, [3, 2]);
    const [a, b] = w.partners as [(typeof w.partners)[0], (typeof w.partners)[0]];
    const direct = w.umkms[0] as (typeof w.umkms)[0];
    // One UMKM has already proposed to offer A: one of A's three slots is spoken for, and that request
    // waits for A's answer.
    const proposed = await h.call('POST', '/partnerships', {
      token: direct.umkm.token,
      body: { requestId: direct.requestId, offerId: a.offerId },
    });
    expect(proposed.status).toBe(201);
    expect((await h.call('GET', `/offers/${a.offerId}`, { token: a.partner.token })).body).toMatchObject({
      remaining: 3,
      pendingProposals: 1,
    });

    const dry = await round({ dryRun: true });
    expect(dry.slots).toBe(2 + 2);
    expect(dry.skipped).toBe(1);
    expect(dry.assignments.map((x) => x.requestId)).not.toContain(direct.requestId);

    const first = await round();
    expect(first.job.status).toBe('done');
    expect(first.skipped).toBe(1);
    expect(first.proposed).toBe(4);
    expect(first.assignments.map((x) => x.requestId)).not.toContain(direct.requestId);
    expect(await invariants(w)).toBe(5);

    // Another round, other settings: every slot is spoken for and every proposed request waits.
    const second = await round({ objective: 'welfare', equity: { target: 0 } });
    expect(second.proposed).toBe(0);
    expect(second.assignments).toEqual([]);
    expect(second.slots).toBe(0);
    expect(second.skipped).toBe(5);
    expect(await invariants(w)).toBe(5);

    // A declines one of its round proposals: exactly that slot is free again, for a request not waiting.
    const ofA = (
      await h.call('GET', '/partnerships?role=mine&status=proposed', { token: a.partner.token })
    ).body.items.find((p: Partnership) => p.requestId !== direct.requestId) as Partnership;
    await h.call('POST', `/partnerships/${ofA.id}/decline`, { token: a.partner.token });
    const stillWaiting = first.assignments.map((x) => x.requestId).filter((id) => id !== ofA.requestId);
    const third = await round();
    expect(third.proposed).toBe(1);
    expect(third.skipped).toBe(1 + stillWaiting.length);
    expect(third.assignments).toHaveLength(1);
    const placed = third.assignments[0] as (typeof third.assignments)[0];
    expect(placed.offerId).toBe(a.offerId);
    expect([direct.requestId, ...stillWaiting]).not.toContain(placed.requestId);
    // The declined pair is remembered: A's decliner is not given A again.
    expect(placed.requestId).not.toBe(ofA.requestId);
    expect(await invariants(w)).toBe(5);

    // Accepting takes the slot and stops the proposal waiting; the offer's free slots stay at zero.
    await h.call('POST', `/partnerships/${proposed.body.id}/accept`, { token: a.partner.token });
    expect((await h.call('GET', `/offers/${a.offerId}`, { token: a.partner.token })).body).toMatchObject({
      remaining: 2,
      pendingProposals: 2,
    });
    expect((await round()).proposed).toBe(0);
    expect(await invariants(w)).toBe(4);
    void b;
  }, 90_000);

  it('concurrent rounds together stay within the free slots and propose each request once', async () => {
    const w = await world(10, [2, 3, 1]);
    // The table still holds the first test's world (its requests may take these new slots too): count
    // what went to this world's offers.
    const results = await Promise.all([
      round(),
      round({ objective: 'placements' }),
      round({ objective: 'welfare', equity: { weight: 1 } }),
    ]);
    // A round whose data another confirmed round changed meanwhile refuses to propose (it fails with
    // the reason); the others propose, and together they stay within the free slots.
    for (const r of results) {
      if (r.job.status === 'failed') expect(r.job.error).toMatch(/changed since/);
      else expect(r.job.confirmation?.state).toBe('confirmed');
    }
    const proposedAll = results.reduce((n, r) => n + r.proposed, 0);
    expect(proposedAll).toBeGreaterThan(0);
    // invariants: per offer, waiting proposals = its counter ≤ its slots; per request, one at most.
    const proposedHere = await invariants(w);
    expect(proposedHere).toBeGreaterThan(0);
    expect(proposedHere).toBeLessThanOrEqual(2 + 3 + 1);
    expect(proposedHere).toBeLessThanOrEqual(proposedAll);
  }, 90_000);
});
