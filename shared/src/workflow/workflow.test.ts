import { afterAll, describe, expect, it } from 'vitest';
import { availableActions } from './actions';
import {
  DEFAULT_LIMITS,
  decideAction,
  decidePropose,
  explainFailure,
  roundMayAssign,
  type WorkflowLimits,
} from './decide';
import { admin, NOW, offer, partnerOf, request, umkmOf, worldOf } from './fixtures.test-support';
import { applyPlan, ChangeFailedError, type Command, runCommand, type World } from './model';
import { DuplicateChangeNameError, plan } from './plan';
import { GUARDS, TRANSITIONS, type TransitionId } from './table';

function got<T>(map: ReadonlyMap<string, T>, id: string): T {
  const value = map.get(id);
  if (value === undefined) throw new Error(`no ${id}`);
  return value;
}

/** Every row a test carried out; the last test checks that none is left out. */
const covered = new Set<string>();

function run(w: World, cmd: Command, limits?: WorkflowLimits) {
  const out = runCommand(w, cmd, NOW, limits);
  if (out.outcome.ok) {
    const p = out.outcome.partnership;
    const before = cmd.kind === 'act' ? w.partnerships.get(cmd.partnershipId) : undefined;
    const row = TRANSITIONS.find(
      (t) =>
        t.event === (cmd.kind === 'propose' ? 'propose' : cmd.event) &&
        t.from === (before?.status ?? null) &&
        t.to === p.status,
    );
    if (row) covered.add(row.id);
  }
  return out;
}

const propose = (n: number, requestId: string, offerId: string, id: string): Command => ({
  kind: 'propose',
  actor: umkmOf(n),
  requestId,
  offerId,
  id,
});
const act = (
  actor: Command['actor'],
  event: Exclude<Command & { kind: 'act' }, never>['event'],
  partnershipId: string,
  rating?: number,
): Command => ({ kind: 'act', actor, event, partnershipId, ...(rating ? { rating } : {}) });

describe('the transition table', () => {
  it('names only known guards, one row per (event, from, relation)', () => {
    const seen = new Set<string>();
    for (const t of TRANSITIONS) {
      for (const g of t.guards) expect(GUARDS).toHaveProperty(g);
      for (const by of t.by) {
        const key = `${t.event}|${t.from}|${by}`;
        expect(seen.has(key), key).toBe(false);
        seen.add(key);
      }
    }
  });

  it('plans have unique change names (failures are mapped back by name)', () => {
    expect(() =>
      plan('x', [
        { name: 'a', guards: [], kind: 'counter', dimension: 'partnerships', value: 'all', delta: 1 },
        { name: 'a', guards: [], kind: 'counter', dimension: 'partnerships', value: 'all', delta: 1 },
      ]),
    ).toThrow(DuplicateChangeNameError);
  });
});

describe('propose', () => {
  it('creates a proposal, claims the pair, and counts it on the request and the offer', () => {
    const w = worldOf([request(1)], [offer(1)]);
    const { world, outcome } = run(w, propose(1, 'r1', 'o1', 'p1'));
    expect(outcome).toMatchObject({ ok: true, partnership: { status: 'proposed', source: 'direct' } });
    expect(world.requests.get('r1')?.pendingProposals).toEqual([{ partnershipId: 'p1', offerId: 'o1' }]);
    expect(world.offers.get('o1')?.pendingProposals).toBe(1);
    expect(world.pairs.get('r1#o1')).toEqual({ state: 'live', partnershipId: 'p1' });
  });

  it('only the request’s owner proposes directly; anyone else learns nothing (not-found)', () => {
    const w = worldOf([request(1)], [offer(1)]);
    expect(run(w, propose(2, 'r1', 'o1', 'p1')).outcome).toMatchObject({ ok: false, problem: 'not-found' });
    const byPartner = run(w, { ...propose(1, 'r1', 'o1', 'p1'), actor: partnerOf(1) });
    expect(byPartner.outcome).toMatchObject({ ok: false, problem: 'not-found' });
  });

  it.each([
    ['requestOpen', { request: { status: 'matched' } }, 'conflict'],
    ['offerOpen', { offer: { status: 'closed' } }, 'conflict'],
    ['sameType', { offer: { type: 'internship' } }, 'invalid'],
    ['offerHasSlot', { offer: { remaining: 0 } }, 'capacity-full'],
    ['eligible', { offer: { requiredCertifications: ['halal'] } }, 'not-eligible'],
    ['pairNotDeclined', { request: { declinedOfferIds: ['o1'] } }, 'declined'],
    ['pairNotLive', { request: { pendingProposals: [{ partnershipId: 'p0', offerId: 'o1' }] } }, 'conflict'],
  ] as const)('refuses when %s fails (%s)', (guard, change, problem) => {
    const w = worldOf(
      [request(1, 'request' in change ? (change.request as object) : {})],
      [offer(1, 'offer' in change ? (change.offer as object) : {})],
    );
    expect(run(w, propose(1, 'r1', 'o1', 'p1')).outcome).toEqual({ ok: false, problem, guard });
  });

  it('gives the same "why not" as the match list for an ineligible pair', () => {
    const decision = decidePropose({
      actor: umkmOf(1),
      request: request(1),
      offer: offer(1, { requiredCertifications: ['halal'] }),
      id: 'p1',
      now: NOW,
    });
    expect(decision).toMatchObject({ ok: false, whyNot: { filter: 'certification' } });
    if (!decision.ok) expect(decision.whyNot?.reason.id).toMatch(/sertifikasi|halal/i);
  });

  it('caps proposals waiting per request and per offer, naming the limit', () => {
    const limits = { ...DEFAULT_LIMITS, pendingProposals: 1, pendingProposalsPerOffer: 1 };
    let w = worldOf([request(1), request(2)], [offer(1), offer(2)]);
    w = run(w, propose(1, 'r1', 'o1', 'p1'), limits).world;
    const perRequest = decidePropose({
      actor: umkmOf(1),
      request: got(w.requests, 'r1'),
      offer: got(w.offers, 'o2'),
      id: 'p2',
      now: NOW,
      limits,
    });
    expect(perRequest).toMatchObject({
      ok: false,
      problem: 'limit',
      limit: { name: 'pendingProposals', value: 1 },
    });
    const perOffer = decidePropose({
      actor: umkmOf(2),
      request: got(w.requests, 'r2'),
      offer: got(w.offers, 'o1'),
      id: 'p3',
      now: NOW,
      limits,
    });
    expect(perOffer).toMatchObject({
      ok: false,
      problem: 'limit',
      limit: { name: 'pendingProposalsPerOffer', value: 1 },
    });
  });

  it('in a round: only by an admin, only into a free slot, only if the request is as the round read it', () => {
    const w = worldOf([request(1)], [offer(1, { remaining: 1, pendingProposals: 1 })]);
    const base = { request: got(w.requests, 'r1'), offer: got(w.offers, 'o1'), id: 'p1', now: NOW };
    const round = { roundId: 'round1', pendingAsRead: [] };
    expect(decidePropose({ ...base, actor: umkmOf(1), round })).toMatchObject({
      ok: false,
      problem: 'not-found',
    });
    expect(decidePropose({ ...base, actor: admin, round })).toMatchObject({
      ok: false,
      guard: 'offerHasFreeSlot',
    });
    const free = { ...base, offer: offer(1), actor: admin };
    expect(
      decidePropose({
        ...free,
        round: { roundId: 'x', pendingAsRead: [{ partnershipId: 'q', offerId: 'o9' }] },
      }),
    ).toMatchObject({ ok: false, guard: 'requestUnchangedSinceRound' });
    const ok = decidePropose({ ...free, round });
    expect(ok).toMatchObject({
      ok: true,
      transition: 'propose-in-round',
      partnership: { source: 'round', roundId: 'round1' },
    });
    if (ok.ok) covered.add(ok.transition);
  });
});

describe('accept, decline, cancel, complete, rate', () => {
  function proposed(capacity = 2) {
    let w = worldOf([request(1)], [offer(1, { capacity, remaining: capacity }), offer(2)]);
    w = run(w, propose(1, 'r1', 'o1', 'p1')).world;
    w = run(w, propose(1, 'r1', 'o2', 'p2')).world;
    return w;
  }

  it('accept: takes a slot, matches the request, withdraws its other proposals, counts it', () => {
    const { world, outcome } = run(proposed(), act(partnerOf(1), 'accept', 'p1'));
    expect(outcome).toMatchObject({ ok: true, partnership: { status: 'active' } });
    expect(world.offers.get('o1')).toMatchObject({ remaining: 1, pendingProposals: 0 });
    expect(world.requests.get('r1')).toMatchObject({ status: 'matched', pendingProposals: [] });
    expect(world.partnerships.get('p2')?.status).toBe('withdrawn');
    covered.add('withdraw');
    expect(world.offers.get('o2')?.pendingProposals).toBe(0);
    expect(world.pairs.has('r1#o2')).toBe(false);
    expect(world.counters.get('partnerships#all')).toBe(1);
    expect(world.counters.get('partnershipsInProvince#33')).toBe(1);
  });

  it('lapse: an unanswered proposal is withdrawn by time, its pending slot and the pair released', () => {
    const w = proposed();
    const partnership = got(w.partnerships, 'p1');
    const decision = decideAction({
      actor: admin,
      event: 'lapse',
      partnership,
      request: got(w.requests, 'r1'),
      offer: got(w.offers, 'o1'),
      now: NOW,
    });
    expect(decision).toMatchObject({ ok: true, transition: 'lapse', partnership: { status: 'withdrawn' } });
    if (!decision.ok) return;
    covered.add(decision.transition);
    const after = applyPlan(w, decision.plan);
    expect(after.offers.get('o1')?.pendingProposals).toBe(0);
    expect(after.requests.get('r1')?.pendingProposals.map((pp) => pp.partnershipId)).toEqual(['p2']);
    expect(after.pairs.has('r1#o1')).toBe(false);
    // Only a proposal lapses: an active partnership stays.
    const active = run(w, act(partnerOf(1), 'accept', 'p1')).world;
    expect(
      decideAction({ actor: admin, event: 'lapse', partnership: got(active.partnerships, 'p1'), now: NOW }),
    ).toMatchObject({ ok: false, guard: 'state' });
  });

  it('accept: only the partner; a full or closed offer refuses', () => {
    const w = proposed();
    expect(run(w, act(umkmOf(1), 'accept', 'p1')).outcome).toMatchObject({ problem: 'forbidden' });
    expect(run(w, act(partnerOf(9), 'accept', 'p1')).outcome).toMatchObject({ problem: 'not-found' });
    const full = new Map(w.offers).set('o1', { ...got(w.offers, 'o1'), remaining: 0 });
    expect(run({ ...w, offers: full }, act(partnerOf(1), 'accept', 'p1')).outcome).toMatchObject({
      problem: 'capacity-full',
    });
  });

  it('decline: remembered; the request cannot propose to that offer again', () => {
    const { world, outcome } = run(proposed(), act(partnerOf(1), 'decline', 'p1'));
    expect(outcome).toMatchObject({ ok: true, partnership: { status: 'declined' } });
    expect(world.requests.get('r1')).toMatchObject({
      declinedOfferIds: ['o1'],
      pendingProposals: [{ partnershipId: 'p2' }],
    });
    expect(world.pairs.get('r1#o1')).toMatchObject({ state: 'declined' });
    expect(world.offers.get('o1')?.pendingProposals).toBe(0);
    expect(run(world, propose(1, 'r1', 'o1', 'p9')).outcome).toMatchObject({ problem: 'declined' });
  });

  it('cancel a proposal: either side; frees the pair', () => {
    for (const actor of [umkmOf(1), partnerOf(1)]) {
      const { world, outcome } = run(proposed(), act(actor, 'cancel', 'p1'));
      expect(outcome).toMatchObject({ ok: true, partnership: { status: 'cancelled' } });
      expect(world.pairs.has('r1#o1')).toBe(false);
      expect(world.offers.get('o1')?.pendingProposals).toBe(0);
    }
  });

  it('cancel an active one: the slot comes back, the request reopens, the counters take it back', () => {
    const active = run(proposed(), act(partnerOf(1), 'accept', 'p1')).world;
    const { world } = run(active, act(umkmOf(1), 'cancel', 'p1'));
    expect(world.partnerships.get('p1')?.status).toBe('cancelled');
    expect(world.offers.get('o1')?.remaining).toBe(2);
    expect(world.requests.get('r1')?.status).toBe('open');
    expect(world.counters.get('partnerships#all')).toBe(0);
    // A closed request stays closed.
    const closed = new Map(active.requests).set('r1', {
      ...got(active.requests, 'r1'),
      status: 'closed' as const,
    });
    expect(
      run({ ...active, requests: closed }, act(partnerOf(1), 'cancel', 'p1')).world.requests.get('r1')
        ?.status,
    ).toBe('closed');
  });

  it('complete, then rate once per side; only the UMKM’s rating builds the track record', () => {
    let w = run(proposed(), act(partnerOf(1), 'accept', 'p1')).world;
    expect(run(w, act(umkmOf(1), 'rate', 'p1', 5)).outcome).toMatchObject({
      problem: 'conflict',
      guard: 'state',
    });
    w = run(w, act(umkmOf(1), 'complete', 'p1')).world;
    expect(w.partnerships.get('p1')?.status).toBe('completed');
    expect(w.offers.get('o1')?.remaining).toBe(1);
    w = run(w, act(umkmOf(1), 'rate', 'p1', 4)).world;
    expect(w.track.get('org1')).toEqual({ ratingCount: 1, ratingSum: 4 });
    expect(run(w, act(umkmOf(1), 'rate', 'p1', 5)).outcome).toMatchObject({ guard: 'notRatedBySide' });
    w = run(w, act(partnerOf(1), 'rate', 'p1', 3)).world;
    expect(w.track.get('org1')).toEqual({ ratingCount: 1, ratingSum: 4 });
    expect(w.partnerships.get('p1')?.feedback).toMatchObject({
      fromBusiness: { rating: 4 },
      fromOrganization: { rating: 3 },
    });
  });

  it('a cancelled partnership cannot be rated, so it carries no rating into the track record', () => {
    const w = run(
      run(proposed(), act(partnerOf(1), 'accept', 'p1')).world,
      act(umkmOf(1), 'cancel', 'p1'),
    ).world;
    expect(run(w, act(umkmOf(1), 'rate', 'p1', 5)).outcome).toMatchObject({ ok: false, guard: 'state' });
    expect(w.track.get('org1')).toBeUndefined();
  });

  it('refuses every event from a state the table has no row for', () => {
    const w = run(proposed(), act(partnerOf(1), 'decline', 'p1')).world;
    for (const event of ['accept', 'decline', 'cancel', 'complete'] as const) {
      expect(run(w, act(partnerOf(1), event, 'p1')).outcome).toMatchObject({
        ok: false,
        problem: 'conflict',
      });
    }
  });
});

describe('a write whose condition fails is explained by the guards of the named change', () => {
  it('an offer filled after the read is capacity-full; a request that changed is stale', () => {
    const w = worldOf([request(1)], [offer(1)]);
    const decision = decidePropose({
      actor: umkmOf(1),
      request: request(1),
      offer: offer(1),
      id: 'p1',
      now: NOW,
    });
    if (!decision.ok) throw new Error('expected a plan');
    const full = new Map(w.offers).set('o1', offer(1, { remaining: 0 }));
    try {
      applyPlan({ ...w, offers: full }, decision.plan);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ChangeFailedError);
      const e = error as ChangeFailedError;
      expect(e.change.name).toBe('offer');
      expect(explainFailure(e.change, e.current)).toMatchObject({ problem: 'capacity-full' });
    }
    const accept = decideAction({
      actor: partnerOf(1),
      event: 'accept',
      partnership: { ...decision.partnership },
      request: request(1, { pendingProposals: [{ partnershipId: 'p1', offerId: 'o1' }] }),
      now: NOW,
    });
    if (!accept.ok) throw new Error('expected a plan');
    const requestChange = got(new Map(accept.plan.changes.map((c) => [c.name, c])), 'request');
    const moved = request(1, {
      pendingProposals: [
        { partnershipId: 'p1', offerId: 'o1' },
        { partnershipId: 'p7', offerId: 'o7' },
      ],
    });
    expect(explainFailure(requestChange, moved)).toBe('stale');
  });
});

describe('the site’s actions come from the table', () => {
  const p = (status: string, feedback?: object) =>
    ({
      ...decidePropose({ actor: umkmOf(1), request: request(1), offer: offer(1), id: 'p', now: NOW }),
      status,
      feedback,
    }) as never;
  it.each([
    ['proposed', 'organization', ['accept', 'decline', 'cancel']],
    ['proposed', 'business', ['cancel']],
    ['active', 'business', ['cancel', 'complete']],
    ['completed', 'organization', ['rate']],
    ['cancelled', 'business', []],
  ] as const)('%s, %s side: %j', (status, side, expected) => {
    const d = decidePropose({ actor: umkmOf(1), request: request(1), offer: offer(1), id: 'p', now: NOW });
    if (!d.ok) throw new Error('plan');
    expect(availableActions({ ...d.partnership, status }, side).sort()).toEqual([...expected].sort());
    void p;
  });
  it('rate disappears once that side rated', () => {
    const d = decidePropose({ actor: umkmOf(1), request: request(1), offer: offer(1), id: 'p', now: NOW });
    if (!d.ok) throw new Error('plan');
    const rated = {
      ...d.partnership,
      status: 'completed' as const,
      feedback: { fromBusiness: { rating: 5, at: NOW } },
    };
    expect(availableActions(rated, 'business')).toEqual([]);
    expect(availableActions(rated, 'organization')).toEqual(['rate']);
  });
});

afterAll(() => {
  const ids = TRANSITIONS.map((t) => t.id as TransitionId);
  expect(
    ids.filter((id) => !covered.has(id)),
    'rows no test carried out',
  ).toEqual([]);
});

describe('rounds never assign a declined pair', () => {
  it('the allocation skips it and stays stable under that restriction', async () => {
    const { allocateRound } = await import('../matching/index');
    const { toMatchOffer, toMatchRequest } = await import('../schemas/index');
    const r = request(1, { declinedOfferIds: ['o1'] });
    const offers = [
      offer(1, { capacity: 1, remaining: 1 }),
      offer(2, { capacity: 1, remaining: 1, topics: ['ekspor'] }),
    ];
    const plain = allocateRound([toMatchRequest(r)], offers.map(toMatchOffer), { verify: true });
    expect(plain.assignments[0]?.offerId).toBe('o1');
    const round = allocateRound([toMatchRequest(r)], offers.map(toMatchOffer), {
      verify: true,
      excludePair: (requestId, offerId) => requestId === r.id && !roundMayAssign(r, offerId),
    });
    expect(round.assignments.map((a) => a.offerId)).toEqual(['o2']);
    expect(round.report.blockingPairs).toBe(0);
  });
});
