/**
 * The workflow's reference model: a world of requests, offers, partnerships, pair guards and counters
 * in memory, and `applyPlan`, which writes a change plan all-or-nothing with the same conditions the
 * DynamoDB store puts on each item. Tests run the workflow on it with no database, and the model-based
 * test runs the same commands on it and on the real store and compares what each shows.
 */
import type { Offer, Partnership, PartnershipRequest, PendingProposal } from '../schemas/index';
import {
  type ActInput,
  type Actor,
  type Decision,
  decideAction,
  decidePropose,
  explainFailure,
  type Violation,
  type WorkflowLimits,
} from './decide';
import type { Change, ChangePlan } from './plan';
import type { PartnershipEvent } from './table';

export interface PairRecord {
  state: 'live' | 'declined';
  partnershipId: string;
}

export interface World {
  requests: Map<string, PartnershipRequest>;
  offers: Map<string, Offer>;
  partnerships: Map<string, Partnership>;
  pairs: Map<string, PairRecord>;
  counters: Map<string, number>;
  /** Ratings given by UMKM, per organization. */
  track: Map<string, { ratingCount: number; ratingSum: number }>;
  /** Requests not closed, per `<businessId>#<type>`. */
  businessRequests: Map<string, number>;
}

export function emptyWorld(): World {
  return {
    requests: new Map(),
    offers: new Map(),
    partnerships: new Map(),
    pairs: new Map(),
    counters: new Map(),
    track: new Map(),
    businessRequests: new Map(),
  };
}

export const pairKey = (requestId: string, offerId: string) => `${requestId}#${offerId}`;

/** A plan change whose condition failed: its name, and the object as it is now. */
export class ChangeFailedError extends Error {
  override readonly name = 'ChangeFailedError';
  constructor(
    readonly change: Change,
    readonly current: unknown,
  ) {
    super(`change ${change.name} failed its condition`);
  }
}

const samePending = (a: readonly PendingProposal[], b: readonly PendingProposal[]) =>
  a.length === b.length && a.every((x) => b.some((y) => y.partnershipId === x.partnershipId));

/** Applies one change to a copy-on-write world; throws ChangeFailedError when its condition fails. */
function applyChange(w: World, c: Change): void {
  const failed = (current: unknown): never => {
    throw new ChangeFailedError(c, current);
  };
  switch (c.kind) {
    case 'putPartnership': {
      if (w.partnerships.has(c.partnership.id)) failed(w.partnerships.get(c.partnership.id));
      w.partnerships.set(c.partnership.id, c.partnership);
      return;
    }
    case 'putRequest': {
      if (w.requests.has(c.request.id)) failed(w.requests.get(c.request.id));
      w.requests.set(c.request.id, c.request);
      return;
    }
    case 'partnershipStatus': {
      const p = w.partnerships.get(c.id);
      if (!p || p.status !== c.from) failed(p);
      w.partnerships.set(c.id, { ...(p as Partnership), status: c.to, updatedAt: c.at });
      return;
    }
    case 'feedback': {
      const p = w.partnerships.get(c.id);
      if (p?.status !== 'completed' || p.feedback?.[c.side]) failed(p);
      const q = p as Partnership;
      w.partnerships.set(c.id, { ...q, feedback: { ...q.feedback, [c.side]: c.feedback } });
      return;
    }
    case 'pair': {
      const key = pairKey(c.requestId, c.offerId);
      const current = w.pairs.get(key);
      if (c.to === 'live') {
        if (current) failed(current);
        w.pairs.set(key, { state: 'live', partnershipId: c.partnershipId });
      } else if (c.to === 'declined') {
        if (current && current.partnershipId !== c.partnershipId) failed(current);
        w.pairs.set(key, { state: 'declined', partnershipId: c.partnershipId });
      } else {
        if (current && current.partnershipId !== c.partnershipId) failed(current);
        w.pairs.delete(key);
      }
      return;
    }
    case 'request': {
      const r = w.requests.get(c.id);
      if (!r) {
        failed(undefined);
        return;
      }
      if (c.status && r.status !== c.status.from) failed(r);
      if (c.addPending && r.status !== 'open') failed(r);
      if (c.expectPending && !samePending(r.pendingProposals, c.expectPending)) failed(r);
      if (c.pendingBelow !== undefined && r.pendingProposals.length >= c.pendingBelow) failed(r);
      let pending = r.pendingProposals;
      if (c.addPending) pending = [...pending, c.addPending];
      if (c.removePending) {
        const gone = c.removePending.partnershipId;
        pending = pending.filter((pp) => pp.partnershipId !== gone);
      }
      if (c.clearPending) pending = [];
      const declined =
        c.declinedOffer && !r.declinedOfferIds.includes(c.declinedOffer)
          ? [...r.declinedOfferIds, c.declinedOffer].sort()
          : r.declinedOfferIds;
      const changed = c.status !== undefined;
      w.requests.set(c.id, {
        ...r,
        status: c.status?.to ?? r.status,
        pendingProposals: [...pending].sort((a, b) => a.partnershipId.localeCompare(b.partnershipId)),
        declinedOfferIds: declined,
        updatedAt: changed ? c.at : r.updatedAt,
      });
      return;
    }
    case 'offer': {
      const o = w.offers.get(c.id);
      if (!o) {
        failed(undefined);
        return;
      }
      const e = c.expect ?? {};
      if (e.open && o.status !== 'open') failed(o);
      if (e.hasSlot && o.remaining <= 0) failed(o);
      if (e.freeSlot && o.pendingProposals >= o.remaining) failed(o);
      if (e.pendingBelow !== undefined && o.pendingProposals >= e.pendingBelow) failed(o);
      if (e.slotTaken && o.remaining >= o.capacity) failed(o);
      w.offers.set(c.id, {
        ...o,
        remaining: o.remaining + (c.remainingDelta ?? 0),
        pendingProposals: o.pendingProposals + (c.pendingDelta ?? 0),
      });
      return;
    }
    case 'counter': {
      const key = `${c.dimension}#${c.value}`;
      w.counters.set(key, (w.counters.get(key) ?? 0) + c.delta);
      return;
    }
    case 'trackRecord': {
      const t = w.track.get(c.organizationId) ?? { ratingCount: 0, ratingSum: 0 };
      w.track.set(c.organizationId, { ratingCount: t.ratingCount + 1, ratingSum: t.ratingSum + c.rating });
      return;
    }
    case 'businessRequests': {
      const key = `${c.businessId}#${c.type}`;
      const n = w.businessRequests.get(key) ?? 0;
      if (c.below !== undefined && n >= c.below) failed(n);
      w.businessRequests.set(key, n + c.delta);
      return;
    }
  }
}

function copy(w: World): World {
  return {
    requests: new Map(w.requests),
    offers: new Map(w.offers),
    partnerships: new Map(w.partnerships),
    pairs: new Map(w.pairs),
    counters: new Map(w.counters),
    track: new Map(w.track),
    businessRequests: new Map(w.businessRequests),
  };
}

/** Writes a plan all-or-nothing: returns the new world, or throws ChangeFailedError naming the change. */
export function applyPlan(w: World, plan: ChangePlan): World {
  const next = copy(w);
  for (const change of plan.changes) applyChange(next, change);
  return next;
}

/** One command a person (or a round) gives the workflow, as the model-based test generates them. */
export type Command =
  | { kind: 'propose'; actor: Actor; requestId: string; offerId: string; id: string }
  | {
      kind: 'act';
      actor: Actor;
      event: Exclude<PartnershipEvent, 'propose'>;
      partnershipId: string;
      rating?: number;
    };

/** What a command answered: the partnership it produced, or the violation (its problem and guard). */
export type Outcome =
  | { ok: true; partnership: Partnership }
  | { ok: false; problem: Violation['problem']; guard: Violation['guard'] };

/**
 * Runs a command on the model as the API does on the store: read, decide with the table, write the
 * plan; a write that fails is explained by the guards of the change that failed.
 */
export function runCommand(
  w: World,
  cmd: Command,
  now: string,
  limits?: WorkflowLimits,
): { world: World; outcome: Outcome } {
  const refuse = (v: Violation) => ({
    world: w,
    outcome: { ok: false as const, problem: v.problem, guard: v.guard },
  });
  let decision: Decision | Violation;
  if (cmd.kind === 'propose') {
    const request = w.requests.get(cmd.requestId);
    const offer = w.offers.get(cmd.offerId);
    if (!request || !offer) return refuse({ ok: false, problem: 'not-found', guard: 'missing', detail: '' });
    decision = decidePropose({
      actor: cmd.actor,
      request,
      offer,
      id: cmd.id,
      now,
      ...(limits ? { limits } : {}),
    });
  } else {
    const partnership = w.partnerships.get(cmd.partnershipId);
    if (!partnership) return refuse({ ok: false, problem: 'not-found', guard: 'missing', detail: '' });
    decision = decideAction({
      actor: cmd.actor,
      event: cmd.event,
      partnership,
      request: w.requests.get(partnership.requestId),
      offer: w.offers.get(partnership.offerId),
      ...(cmd.rating !== undefined ? { feedback: { rating: cmd.rating } } : {}),
      now,
      ...(limits ? { limits } : {}),
    } as ActInput);
  }
  if (!decision.ok) return refuse(decision);
  try {
    return { world: applyPlan(w, decision.plan), outcome: { ok: true, partnership: decision.partnership } };
  } catch (error) {
    if (!(error instanceof ChangeFailedError)) throw error;
    const why = explainFailure(error.change, error.current, limits);
    return refuse(
      why === 'stale' ? { ok: false, problem: 'conflict', guard: 'missing', detail: 'stale' } : why,
    );
  }
}
