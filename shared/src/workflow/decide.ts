/**
 * Deciding with the transition table: who the actor is to the objects, which row applies, whether its
 * guards hold, and the change plan that carries it out. Pure: the caller passes what it read and the
 * clock and id it wants; nothing here reads or writes.
 */
import { scorePair } from '../matching/index';
import {
  LIMITS,
  type Offer,
  type Partnership,
  type PartnershipRequest,
  type PendingProposal,
  type Role,
  toMatchOffer,
  toMatchRequest,
} from '../schemas/index';
import { type Change, type ChangePlan, type FeedbackEntry, type FeedbackSide, plan } from './plan';
import {
  GUARDS,
  type GuardName,
  type PartnershipEvent,
  type ProblemKind,
  RELATION_ROLES,
  type Relation,
  TRANSITIONS,
  type Transition,
  type TransitionId,
} from './table';

/** The named caps the workflow enforces (LIMITS by default; tests may pass small ones). */
export interface WorkflowLimits {
  pendingProposals: number;
  pendingProposalsPerOffer: number;
  openRequestsPerType: number;
}
export const DEFAULT_LIMITS: WorkflowLimits = {
  pendingProposals: LIMITS.pendingProposals,
  pendingProposalsPerOffer: LIMITS.pendingProposalsPerOffer,
  openRequestsPerType: LIMITS.openRequestsPerType,
};

export interface Actor {
  userId: string;
  role: Role;
}

/** The state of a request/offer pair as far as proposing is concerned. */
export type PairState = { state: 'live' | 'declined'; partnershipId?: string } | undefined;

/** What a guard is evaluated on: whatever the caller knows (a missing object is not checked). */
export interface GuardContext {
  request?: PartnershipRequest | undefined;
  offer?: Offer | undefined;
  partnership?: Partnership | undefined;
  pair?: PairState;
  side?: FeedbackSide;
  round?: { pendingAsRead: readonly PendingProposal[] };
  /** Requests of the business not closed, of the type being filed. */
  businessRequests?: number | undefined;
  limits: WorkflowLimits;
}

export interface Violation {
  ok: false;
  problem: ProblemKind;
  /** The guard that failed, or `relation` (not allowed) / `missing` (an object does not exist). */
  guard: GuardName | 'relation' | 'state' | 'missing' | 'limit';
  detail: string;
  whyNot?: { filter: string; reason: { id: string; en: string } };
  limit?: { name: keyof WorkflowLimits; value: number };
}

export interface Decision {
  ok: true;
  transition: TransitionId;
  plan: ChangePlan;
  /** The partnership as it is once the plan is written. */
  partnership: Partnership;
}

const sameSet = (a: readonly PendingProposal[], b: readonly PendingProposal[]) =>
  a.length === b.length && a.every((x) => b.some((y) => y.partnershipId === x.partnershipId));

/** The pair's state as the request knows it (its declines and its proposals waiting). */
export function pairFromRequest(request: PartnershipRequest, offerId: string): PairState {
  if (request.declinedOfferIds.includes(offerId)) return { state: 'declined' };
  const live = request.pendingProposals.find((pp) => pp.offerId === offerId);
  return live ? { state: 'live', partnershipId: live.partnershipId } : undefined;
}

/**
 * Whether a round may assign this pair: never one the partner declined. Allocation rounds exclude
 * these pairs before allocating (functions/src/domain/matching.ts, runRound).
 */
export function roundMayAssign(request: Pick<PartnershipRequest, 'declinedOfferIds'>, offerId: string) {
  return !request.declinedOfferIds.includes(offerId);
}

/** Evaluates one guard; undefined when it holds, otherwise the violation. */
export function checkGuard(guard: GuardName, ctx: GuardContext): Violation | undefined {
  const { request: r, offer: o, partnership: p, limits } = ctx;
  const fail = (detail: string, extra: Partial<Violation> = {}): Violation => ({
    ok: false,
    problem: GUARDS[guard].problem,
    guard,
    detail,
    ...extra,
  });
  switch (guard) {
    case 'requestOpen':
      return r && r.status !== 'open' ? fail(`the request is ${r.status}`) : undefined;
    case 'offerOpen':
      return o && o.status !== 'open' ? fail('the offer is closed') : undefined;
    case 'sameType':
      return r && o && r.type !== o.type ? fail(`offer is ${o.type}, request is ${r.type}`) : undefined;
    case 'offerHasSlot':
      return o && o.remaining <= 0 ? fail('the offer has no slot left') : undefined;
    case 'offerHasFreeSlot':
      return o && o.pendingProposals >= o.remaining
        ? fail('every slot of the offer has a proposal waiting')
        : undefined;
    case 'eligible': {
      if (!r || !o) return undefined;
      const score = scorePair(toMatchRequest(r), toMatchOffer(o));
      return score.eligible
        ? undefined
        : fail(score.reason.en, { whyNot: { filter: score.filter, reason: { ...score.reason } } });
    }
    case 'pairNotDeclined':
      return ctx.pair?.state === 'declined'
        ? fail('the partner declined this request before; it cannot be proposed to this offer again')
        : undefined;
    case 'pairNotLive':
      return ctx.pair?.state === 'live'
        ? fail('this request and offer already have a live partnership')
        : undefined;
    case 'requestPendingBelowLimit':
      return r && r.pendingProposals.length >= limits.pendingProposals
        ? fail(`a request may have at most ${limits.pendingProposals} proposals waiting for an answer`, {
            limit: { name: 'pendingProposals', value: limits.pendingProposals },
          })
        : undefined;
    case 'offerPendingBelowLimit':
      return o && o.pendingProposals >= limits.pendingProposalsPerOffer
        ? fail(
            `an offer may have at most ${limits.pendingProposalsPerOffer} proposals waiting for an answer`,
            {
              limit: { name: 'pendingProposalsPerOffer', value: limits.pendingProposalsPerOffer },
            },
          )
        : undefined;
    case 'openRequestsBelowLimit':
      return ctx.businessRequests !== undefined && ctx.businessRequests >= limits.openRequestsPerType
        ? fail(
            `a business may have at most ${limits.openRequestsPerType} requests of one type that are not closed`,
            { limit: { name: 'openRequestsPerType', value: limits.openRequestsPerType } },
          )
        : undefined;
    case 'requestUnchangedSinceRound':
      return r && ctx.round && !sameSet(r.pendingProposals, ctx.round.pendingAsRead)
        ? fail('the request got a proposal since the round read it')
        : undefined;
    case 'isProposed':
      return p && p.status !== 'proposed' ? fail(`the partnership is ${p.status}, not proposed`) : undefined;
    case 'isActive':
      return p && p.status !== 'active' ? fail(`the partnership is ${p.status}, not active`) : undefined;
    case 'isCompleted':
      return p && p.status !== 'completed'
        ? fail(`only a completed partnership can be rated; this one is ${p.status}`)
        : undefined;
    case 'notRatedBySide':
      return p && ctx.side && p.feedback?.[ctx.side] ? fail('feedback was already given') : undefined;
  }
}

function firstViolation(guards: readonly GuardName[], ctx: GuardContext): Violation | undefined {
  for (const g of guards) {
    const v = checkGuard(g, ctx);
    if (v) return v;
  }
  return undefined;
}

/** The actor's relation to a partnership (or a request/offer pair), if any. */
export function relationOf(
  actor: Actor,
  objects: { businessOwnerId: string; organizationOwnerId: string },
): Relation | undefined {
  if (
    actor.userId === objects.businessOwnerId &&
    RELATION_ROLES.requestOwner.includes(actor.role as 'business')
  )
    return 'requestOwner';
  if (
    actor.userId === objects.organizationOwnerId &&
    (RELATION_ROLES.offerOwner as readonly string[]).includes(actor.role)
  )
    return 'offerOwner';
  return undefined;
}

function row(id: TransitionId): Transition {
  return TRANSITIONS.find((t) => t.id === id) as Transition;
}

/** The counters an accepted partnership adds to (and a cancelled active one takes back). */
function counterChanges(p: Partnership, delta: 1 | -1): Change[] {
  const entries = [
    ['partnerships', 'all'],
    ['partnershipsInProvince', p.business.province],
    ['partnershipsOfType', p.type],
    ['partnershipsOfSize', p.business.sizeClass],
    // The admin's map and table filtered by type or size class: `<province>#<type|sizeClass>`.
    ['partnershipsInProvinceOfType', `${p.business.province}#${p.type}`],
    ['partnershipsInProvinceOfSize', `${p.business.province}#${p.business.sizeClass}`],
  ] as const;
  return entries.map(([dimension, value]) => ({
    name: `counter:${dimension}#${value}`,
    guards: [],
    kind: 'counter' as const,
    dimension,
    value,
    delta,
  }));
}

/** Withdrawing one waiting proposal: three named changes, prefixed by its id. */
export function withdrawalChanges(requestId: string, pp: PendingProposal, at: string): Change[] {
  const prefix = `withdraw:${pp.partnershipId}`;
  return [
    {
      name: `${prefix}:partnership`,
      guards: ['isProposed'],
      kind: 'partnershipStatus',
      id: pp.partnershipId,
      from: 'proposed',
      to: 'withdrawn',
      at,
    },
    {
      name: `${prefix}:pair`,
      guards: [],
      kind: 'pair',
      requestId,
      offerId: pp.offerId,
      partnershipId: pp.partnershipId,
      to: 'released',
    },
    { name: `${prefix}:offer`, guards: [], kind: 'offer', id: pp.offerId, pendingDelta: -1 },
  ];
}

export interface ProposeInput {
  actor: Actor;
  request: PartnershipRequest;
  offer: Offer;
  /** A round's proposal: its id and the request's waiting proposals as the round read them. */
  round?: { roundId: string; pendingAsRead: readonly PendingProposal[] };
  id: string;
  now: string;
  limits?: WorkflowLimits;
}

/** The new proposed partnership between a request and an offer. */
export function newPartnership(input: ProposeInput): Partnership {
  const { request, offer } = input;
  return {
    id: input.id,
    status: 'proposed',
    type: request.type,
    ...(input.round
      ? { source: 'round' as const, roundId: input.round.roundId }
      : { source: 'direct' as const }),
    requestId: request.id,
    offerId: offer.id,
    businessOwnerId: request.ownerId,
    organizationOwnerId: offer.ownerId,
    offerTitle: offer.title,
    business: {
      id: request.business.id,
      name: request.business.name,
      province: request.business.province,
      sizeClass: request.business.sizeClass,
    },
    organization: { id: offer.organization.id, name: offer.organization.name, kind: offer.organization.kind },
    createdAt: input.now,
    updatedAt: input.now,
  };
}

/** Propose: by the request's owner, or by an admin's round on its behalf. */
export function decidePropose(input: ProposeInput): Decision | Violation {
  const { actor, request, offer, now } = input;
  const limits = input.limits ?? DEFAULT_LIMITS;
  const relation: Relation | undefined = input.round
    ? actor.role === 'admin'
      ? 'round'
      : undefined
    : actor.userId === request.ownerId && actor.role === 'business'
      ? 'requestOwner'
      : undefined;
  if (!relation) {
    return { ok: false, problem: 'not-found', guard: 'relation', detail: `request ${request.id} not found` };
  }
  const t = row(relation === 'round' ? 'propose-in-round' : 'propose');
  const ctx: GuardContext = {
    request,
    offer,
    pair: pairFromRequest(request, offer.id),
    limits,
    ...(input.round ? { round: { pendingAsRead: input.round.pendingAsRead } } : {}),
  };
  const violation = firstViolation(t.guards, ctx);
  if (violation) return violation;
  const p = newPartnership(input);
  const pending = { partnershipId: p.id, offerId: offer.id };
  const round = relation === 'round';
  return {
    ok: true,
    transition: t.id as TransitionId,
    partnership: p,
    plan: plan(t.id, [
      { name: 'partnership', guards: [], kind: 'putPartnership', partnership: p },
      {
        name: 'pair',
        guards: ['pairNotDeclined', 'pairNotLive'],
        kind: 'pair',
        requestId: request.id,
        offerId: offer.id,
        partnershipId: p.id,
        to: 'live',
      },
      {
        name: 'request',
        guards: round
          ? ['requestOpen', 'requestUnchangedSinceRound', 'requestPendingBelowLimit']
          : ['requestOpen', 'requestPendingBelowLimit'],
        kind: 'request',
        id: request.id,
        addPending: pending,
        pendingBelow: limits.pendingProposals,
        ...(round && input.round ? { expectPending: input.round.pendingAsRead } : {}),
        at: now,
      },
      {
        name: 'offer',
        guards: round
          ? ['offerOpen', 'offerHasSlot', 'offerHasFreeSlot', 'offerPendingBelowLimit']
          : ['offerOpen', 'offerHasSlot', 'offerPendingBelowLimit'],
        kind: 'offer',
        id: offer.id,
        pendingDelta: 1,
        expect: {
          open: true,
          hasSlot: true,
          ...(round ? { freeSlot: true } : {}),
          pendingBelow: limits.pendingProposalsPerOffer,
        },
      },
    ]),
  };
}

export interface ActInput {
  actor: Actor;
  event: Exclude<PartnershipEvent, 'propose'> | 'lapse';
  partnership: Partnership;
  /** The partnership's request and offer as read (accept and cancel need them; others may omit). */
  request?: PartnershipRequest;
  offer?: Offer;
  feedback?: { rating: number; comment?: string };
  now: string;
  limits?: WorkflowLimits;
}

/** Accept, decline, cancel, complete or rate a partnership. */
export function decideAction(input: ActInput): Decision | Violation {
  const { actor, event, partnership: p, request, offer, now } = input;
  // Time, not a person, lapses a proposal: the only event the `system` relation causes directly.
  const relation = event === 'lapse' ? 'system' : relationOf(actor, p);
  if (!relation)
    return { ok: false, problem: 'not-found', guard: 'relation', detail: `partnership ${p.id} not found` };
  const rows = TRANSITIONS.filter((t) => t.event === event) as readonly Transition[];
  const mayCause = rows.filter((t) => t.by.includes(relation));
  if (mayCause.length === 0) {
    const who = [...new Set(rows.flatMap((t) => t.by))].map((r) => (r === 'offerOwner' ? 'partner' : 'UMKM'));
    return {
      ok: false,
      problem: 'forbidden',
      guard: 'relation',
      detail: `only the ${who.join(' or ')} may ${event}`,
    };
  }
  const t = mayCause.find((x) => x.from === p.status);
  if (!t) {
    const from = mayCause.map((x) => x.from).join(' or ');
    return {
      ok: false,
      problem: 'conflict',
      guard: 'state',
      detail: `cannot ${event} a ${p.status} partnership (only ${from})`,
    };
  }
  const side: FeedbackSide = relation === 'requestOwner' ? 'fromBusiness' : 'fromOrganization';
  const limits = input.limits ?? DEFAULT_LIMITS;
  const ctx: GuardContext = { partnership: p, request, offer, side, limits };
  const violation = firstViolation(t.guards, ctx);
  if (violation) return violation;

  const status = (to: Partnership['status']): Change => ({
    name: 'partnership',
    guards: [t.guards[0] as GuardName],
    kind: 'partnershipStatus',
    id: p.id,
    from: p.status,
    to,
    at: now,
  });
  const pair = (to: 'declined' | 'released'): Change => ({
    name: 'pair',
    guards: [],
    kind: 'pair',
    requestId: p.requestId,
    offerId: p.offerId,
    partnershipId: p.id,
    to,
  });
  const mine = { partnershipId: p.id, offerId: p.offerId };
  const after: Partnership = { ...p, status: t.to, updatedAt: now };
  const done = (changes: Change[], result: Partnership = after): Decision => ({
    ok: true,
    transition: t.id as TransitionId,
    partnership: result,
    plan: plan(t.id, changes),
  });

  switch (t.id as TransitionId) {
    case 'accept': {
      if (!request) throw new MissingReadError('accept needs the request as read');
      const others = request.pendingProposals.filter((pp) => pp.partnershipId !== p.id);
      return done([
        status('active'),
        {
          name: 'offer',
          guards: ['offerOpen', 'offerHasSlot'],
          kind: 'offer',
          id: p.offerId,
          remainingDelta: -1,
          pendingDelta: -1,
          expect: { open: true, hasSlot: true },
        },
        {
          name: 'request',
          guards: ['requestOpen'],
          kind: 'request',
          id: p.requestId,
          status: { from: 'open', to: 'matched' },
          clearPending: true,
          expectPending: request.pendingProposals,
          at: now,
        },
        ...counterChanges(p, 1),
        ...others.flatMap((pp) => withdrawalChanges(p.requestId, pp, now)),
      ]);
    }
    case 'decline':
      return done([
        status('declined'),
        pair('declined'),
        {
          name: 'request',
          guards: [],
          kind: 'request',
          id: p.requestId,
          removePending: mine,
          declinedOffer: p.offerId,
          at: now,
        },
        { name: 'offer', guards: [], kind: 'offer', id: p.offerId, pendingDelta: -1 },
      ]);
    // A proposal ends without a partnership: cancelled by a party, or withdrawn when it lapses.
    case 'lapse':
    case 'cancel-proposal':
      return done([
        status(t.to),
        pair('released'),
        { name: 'request', guards: [], kind: 'request', id: p.requestId, removePending: mine, at: now },
        { name: 'offer', guards: [], kind: 'offer', id: p.offerId, pendingDelta: -1 },
      ]);
    case 'cancel-active': {
      if (!request) throw new MissingReadError('cancelling an active partnership needs the request as read');
      // The request was fulfilled by this partnership: it reopens, unless its owner closed it.
      const reopen: Change[] =
        request.status === 'matched'
          ? [
              {
                name: 'request',
                guards: [],
                kind: 'request',
                id: p.requestId,
                status: { from: 'matched', to: 'open' },
                openIndex: { type: request.type, createdAt: request.createdAt },
                at: now,
              },
            ]
          : [];
      return done([
        status('cancelled'),
        pair('released'),
        {
          name: 'offer',
          guards: [],
          kind: 'offer',
          id: p.offerId,
          remainingDelta: 1,
          expect: { slotTaken: true },
        },
        ...reopen,
        ...counterChanges(p, -1),
      ]);
    }
    case 'complete':
      return done([status('completed'), pair('released')]);
    case 'rate': {
      if (!input.feedback) throw new MissingReadError('rate needs the feedback');
      const entry: FeedbackEntry = {
        rating: input.feedback.rating,
        ...(input.feedback.comment ? { comment: input.feedback.comment } : {}),
        at: now,
      };
      const changes: Change[] = [
        {
          name: 'partnership',
          guards: ['isCompleted', 'notRatedBySide'],
          kind: 'feedback',
          id: p.id,
          side,
          feedback: entry,
        },
      ];
      // Only the UMKM's rating of the partner builds the partner's track record.
      if (side === 'fromBusiness') {
        changes.push({
          name: 'trackRecord',
          guards: [],
          kind: 'trackRecord',
          organizationId: p.organization.id,
          rating: entry.rating,
        });
      }
      return done(changes, { ...p, feedback: { ...p.feedback, [side]: entry } });
    }
    default:
      throw new MissingReadError(`no plan for ${t.id}`);
  }
}

/** A decision was asked for without an object it needs (a programming error, not a client's). */
export class MissingReadError extends Error {
  override readonly name = 'MissingReadError';
}

/** Closing a request (its owner): it leaves matching and its waiting proposals are withdrawn. */
export function decideCloseRequest(
  actor: Actor,
  request: PartnershipRequest,
  now: string,
): ChangePlan | Violation | null {
  if (actor.userId !== request.ownerId) {
    return { ok: false, problem: 'not-found', guard: 'relation', detail: `request ${request.id} not found` };
  }
  if (request.status === 'closed') return null;
  const pending = request.status === 'open' ? request.pendingProposals : [];
  return plan('request-closed', [
    {
      name: 'request',
      guards: [],
      kind: 'request',
      id: request.id,
      status: { from: request.status, to: 'closed' },
      clearPending: true,
      expectPending: pending,
      at: now,
    },
    {
      name: 'business',
      guards: [],
      kind: 'businessRequests',
      businessId: request.businessId,
      type: request.type,
      delta: -1,
    },
    ...pending.flatMap((pp) => withdrawalChanges(request.id, pp, now)),
  ]);
}

/** Filing a request: at most `openRequestsPerType` not closed per business and type. */
export function openRequestChange(
  request: PartnershipRequest,
  limits: WorkflowLimits = DEFAULT_LIMITS,
): Change {
  return {
    name: 'business',
    guards: ['openRequestsBelowLimit'],
    kind: 'businessRequests',
    businessId: request.businessId,
    type: request.type,
    delta: 1,
    below: limits.openRequestsPerType,
  };
}

/** Filing a request: the request itself and its count against the cap, in one plan. */
export function decideCreateRequest(
  request: PartnershipRequest,
  limits: WorkflowLimits = DEFAULT_LIMITS,
): ChangePlan {
  return plan('request-created', [
    { name: 'request', guards: [], kind: 'putRequest', request },
    openRequestChange(request, limits),
  ]);
}

/**
 * Why a written change failed: its guards re-evaluated on the object as it is now (`current`, read back
 * by the store; undefined when it no longer exists). A failure none of its guards explains means the
 * plan was built from a read that is now stale: read again and decide again.
 */
export function explainFailure(
  change: Change,
  current: unknown,
  limits: WorkflowLimits = DEFAULT_LIMITS,
  extra: Pick<GuardContext, 'side' | 'round'> = {},
): Violation | 'stale' {
  if (current === undefined && change.kind !== 'pair') {
    return { ok: false, problem: 'not-found', guard: 'missing', detail: `${change.name} not found` };
  }
  if ((change.kind === 'putRequest' || change.kind === 'putPartnership') && current !== undefined) {
    // A new object's "must not exist" failed: an earlier attempt of the same request wrote it.
    return { ok: false, problem: 'conflict', guard: 'state', detail: `${change.name} already exists` };
  }
  const ctx: GuardContext = { limits, ...extra };
  switch (change.kind) {
    case 'offer':
      ctx.offer = current as Offer;
      break;
    case 'request':
      ctx.request = current as PartnershipRequest;
      break;
    case 'partnershipStatus':
    case 'feedback':
    case 'putPartnership':
      ctx.partnership = current as Partnership;
      break;
    case 'pair':
      ctx.pair = current as PairState;
      break;
    case 'businessRequests':
      ctx.businessRequests = current as number;
      break;
    default:
      break;
  }
  return firstViolation(change.guards, ctx) ?? 'stale';
}
