/**
 * Model-based test of the workflow (fast-check commands): random propose / accept / decline / cancel /
 * complete / rate steps by random actors run on the pure model (@sinergi/shared/workflow, no database)
 * and on the real API over DynamoDB Local. After every step both answered alike (the same success, or
 * the same refusal status), show the same requests, offers, partnerships and track records, and the
 * invariants hold.
 */
import type { Actor, Command, Violation, World } from '@sinergi/shared/workflow';
import { runCommand } from '@sinergi/shared/workflow';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  invariantViolations,
  type Step,
  stepArbitrary,
} from '../../../../shared/src/workflow/commands.test-support';
import { type Harness, harness } from '../../testing/harness';

const UMKMS = 3;
const OFFERS = 2;
const limits = { pendingProposals: 10, pendingProposalsPerOffer: 2, openRequestsPerType: 5 };
const NOW = '2026-12-01T00:00:00.000Z';

const STATUS_OF: Record<Violation['problem'], number> = {
  'not-found': 404,
  forbidden: 403,
  conflict: 409,
  declined: 409,
  limit: 409,
  'capacity-full': 409,
  'not-eligible': 422,
  invalid: 400,
};

let h: Harness;
beforeAll(async () => {
  h = await harness({ runtime: { limits } });
});

interface Party {
  userId: string;
  token: string;
  role: Actor['role'];
}
interface Real {
  umkms: (Party & { requestId: string })[];
  partners: (Party & { offerId: string; organizationId: string })[];
  tokenOf: Map<string, string>;
}
interface Model {
  world: World;
  ids: string[];
}

async function setup(): Promise<{ model: Model; real: Real }> {
  const partners: Real['partners'] = [];
  for (let i = 0; i < OFFERS; i++) {
    const p = await h.partner('corporate');
    const o = await h.offer(p.token, { capacity: 1 });
    partners.push({
      userId: p.userId,
      token: p.token,
      role: 'corporate',
      offerId: o.id,
      organizationId: p.organization.id,
    });
  }
  const umkms: Real['umkms'] = [];
  for (let i = 0; i < UMKMS; i++) {
    const u = await h.umkm();
    const r = await h.request(u.token);
    umkms.push({ userId: u.userId, token: u.token, role: 'business', requestId: r.id });
  }
  const world: World = {
    requests: new Map(),
    offers: new Map(),
    partnerships: new Map(),
    pairs: new Map(),
    counters: new Map(),
    track: new Map(),
    businessRequests: new Map(),
  };
  for (const u of umkms)
    world.requests.set(
      u.requestId,
      (await h.call('GET', `/requests/${u.requestId}`, { token: u.token })).body,
    );
  for (const p of partners)
    world.offers.set(p.offerId, (await h.call('GET', `/offers/${p.offerId}`, { token: p.token })).body);
  const tokenOf = new Map([...umkms, ...partners].map((x) => [x.userId, x.token]));
  return { model: { world, ids: [] }, real: { umkms, partners, tokenOf } };
}

/** The step as a command, actors resolved from the partnership it acts on. */
function resolve(m: Model, r: Real, step: Step): Command | undefined {
  if (step.kind === 'propose') {
    const u = r.umkms[step.umkm] as Real['umkms'][number];
    const o = r.partners[step.offer] as Real['partners'][number];
    return { kind: 'propose', actor: u, requestId: u.requestId, offerId: o.offerId, id: 'unset' };
  }
  if (m.ids.length === 0) return undefined;
  const p = m.world.partnerships.get(m.ids[step.pick % m.ids.length] as string);
  if (!p) return undefined;
  const other = <T extends Party>(list: T[], not: string) => list.find((x) => x.userId !== not) as T;
  const actor: Party = {
    umkm: r.umkms.find((u) => u.userId === p.businessOwnerId) as Party,
    partner: r.partners.find((x) => x.userId === p.organizationOwnerId) as Party,
    otherUmkm: other(r.umkms, p.businessOwnerId),
    otherPartner: other(r.partners, p.organizationOwnerId),
  }[step.by];
  return { kind: 'act', actor, event: step.event, partnershipId: p.id, rating: step.rating };
}

async function callReal(r: Real, cmd: Command) {
  const token = r.tokenOf.get(cmd.actor.userId);
  if (cmd.kind === 'propose') {
    return h.call('POST', '/partnerships', {
      token,
      body: { requestId: cmd.requestId, offerId: cmd.offerId },
    });
  }
  if (cmd.event === 'rate') {
    return h.call('POST', `/partnerships/${cmd.partnershipId}/feedback`, {
      token,
      body: { rating: cmd.rating },
    });
  }
  return h.call('POST', `/partnerships/${cmd.partnershipId}/${cmd.event}`, { token });
}

/** What both sides show: every request, offer, partnership and the partners' track records. */
async function observe(m: Model, r: Real) {
  const real = {
    requests: [] as unknown[],
    offers: [] as unknown[],
    partnerships: [] as unknown[],
    track: [] as unknown[],
  };
  const model = {
    requests: [] as unknown[],
    offers: [] as unknown[],
    partnerships: [] as unknown[],
    track: [] as unknown[],
  };
  const requestView = (x: {
    status: string;
    pendingProposals: { partnershipId: string }[];
    declinedOfferIds: string[];
  }) => ({
    status: x.status,
    pending: x.pendingProposals.map((pp) => pp.partnershipId).sort(),
    declined: [...x.declinedOfferIds].sort(),
  });
  for (const u of r.umkms) {
    real.requests.push(
      requestView((await h.call('GET', `/requests/${u.requestId}`, { token: u.token })).body),
    );
    model.requests.push(requestView(m.world.requests.get(u.requestId) as never));
  }
  const offerView = (x: { status: string; remaining: number; pendingProposals: number }) => ({
    status: x.status,
    remaining: x.remaining,
    pending: x.pendingProposals,
  });
  for (const p of r.partners) {
    real.offers.push(offerView((await h.call('GET', `/offers/${p.offerId}`, { token: p.token })).body));
    model.offers.push(offerView(m.world.offers.get(p.offerId) as never));
    const org = (await h.call('GET', `/organizations/${p.organizationId}`, { token: p.token })).body;
    real.track.push({ count: org.track.ratingCount, sum: org.track.ratingSum });
    const t = m.world.track.get(p.organizationId) ?? { ratingCount: 0, ratingSum: 0 };
    model.track.push({ count: t.ratingCount, sum: t.ratingSum });
  }
  const partnershipView = (x: {
    status: string;
    feedback?: { fromBusiness?: { rating: number }; fromOrganization?: { rating: number } };
  }) => ({
    status: x.status,
    fromBusiness: x.feedback?.fromBusiness?.rating ?? null,
    fromOrganization: x.feedback?.fromOrganization?.rating ?? null,
  });
  for (const id of m.ids) {
    const p = m.world.partnerships.get(id);
    const token = r.tokenOf.get(p?.businessOwnerId ?? '');
    real.partnerships.push(partnershipView((await h.call('GET', `/partnerships/${id}`, { token })).body));
    model.partnerships.push(partnershipView(p as never));
  }
  return { real, model };
}

class StepCommand implements fc.AsyncCommand<Model, Real> {
  constructor(readonly step: Step) {}
  check() {
    return true;
  }
  async run(m: Model, r: Real) {
    const resolved = resolve(m, r, this.step);
    if (!resolved) return;
    const reply = await callReal(r, resolved);
    const cmd: Command =
      resolved.kind === 'propose'
        ? { ...resolved, id: reply.status === 201 ? reply.body.id : `refused-${m.ids.length}` }
        : resolved;
    const { world, outcome } = runCommand(m.world, cmd, NOW, limits);
    if (outcome.ok) {
      expect(reply.status, JSON.stringify(reply.body)).toBeLessThan(300);
      expect(reply.body.status).toBe(outcome.partnership.status);
      if (cmd.kind === 'propose') m.ids.push(outcome.partnership.id);
    } else {
      expect(reply.status, `${outcome.problem}/${outcome.guard}: ${JSON.stringify(reply.body)}`).toBe(
        STATUS_OF[outcome.problem],
      );
    }
    m.world = world;
    const { real, model } = await observe(m, r);
    expect(real).toEqual(model);
    expect(invariantViolations(m.world)).toEqual([]);
  }
  toString() {
    return JSON.stringify(this.step);
  }
}

describe('the workflow, model against the real store', () => {
  it('agrees on every answer and every observable state, and keeps the invariants', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.commands([stepArbitrary(UMKMS, OFFERS).map((s) => new StepCommand(s))], {
          maxCommands: 24,
          size: 'max',
        }),
        (cmds) => fc.asyncModelRun(setup, cmds),
      ),
      { numRuns: 10 },
    );
  }, 240_000);
});
