/**
 * The partnership workflow as data: one table that the API decides with (functions/src/domain), the
 * store writes (functions/src/store turns a decision's change plan into one transaction) and the site
 * reads to show the actions a person may take (web/components/Partnerships.tsx). Pure: no I/O.
 *
 * A row says: this event, on a partnership in this state, caused by this actor (role and relation to
 * the objects), moves it to that state when every guard holds, and has these effects on the request,
 * the offer, the pair of them and the counters. `decide()` (decide.ts) evaluates the guards in the
 * order written and turns the effects into a change plan (plan.ts).
 */
import type { PartnershipStatus, RequestStatus } from '../schemas/index';

/** What happens to a partnership. `withdraw` is never caused by a person: accept and close cause it. */
export const PARTNERSHIP_EVENTS = ['propose', 'accept', 'decline', 'cancel', 'complete', 'rate'] as const;
export type PartnershipEvent = (typeof PARTNERSHIP_EVENTS)[number];

/**
 * Who causes an event, by relation to the objects:
 * - `requestOwner`: the UMKM user that owns the partnership's request;
 * - `offerOwner`: the partner user that owns the offer;
 * - `round`: an admin's allocation round, proposing on the UMKM's behalf;
 * - `system`: a consequence of another event (withdrawals), or of time (a round's proposal that lapses).
 */
export const RELATIONS = ['requestOwner', 'offerOwner', 'round', 'system'] as const;
export type Relation = (typeof RELATIONS)[number];

/** The role each relation must have: a request owner is a `business` user, and so on. */
export const RELATION_ROLES = {
  requestOwner: ['business'],
  offerOwner: ['corporate', 'university', 'community'],
  round: ['admin'],
  system: [],
} as const satisfies Record<Relation, readonly string[]>;

/**
 * The guards, each a named rule with the problem it answers when it fails. `limit` names the LIMITS
 * entry it enforces (the problem response names it too); `whyNot` problems carry the matching core's
 * hard filter and reason, the same as the match list's "why not".
 */
export const GUARDS = {
  requestOpen: { problem: 'conflict', rule: 'the request is open (not matched, not closed)' },
  offerOpen: { problem: 'conflict', rule: 'the offer is open' },
  sameType: { problem: 'invalid', rule: 'offer and request are of the same partnership type' },
  offerHasSlot: { problem: 'capacity-full', rule: 'the offer has a slot left (remaining > 0)' },
  offerHasFreeSlot: {
    problem: 'capacity-full',
    rule: 'rounds: the offer has a slot no proposal waits for (pendingProposals < remaining)',
  },
  eligible: { problem: 'not-eligible', rule: 'no hard filter of the matching core excludes the pair' },
  pairNotDeclined: { problem: 'declined', rule: 'the partner has not declined this request before' },
  pairNotLive: { problem: 'conflict', rule: 'the pair has no proposed or active partnership' },
  requestPendingBelowLimit: {
    problem: 'limit',
    limit: 'pendingProposals',
    rule: 'the request has fewer proposals waiting than LIMITS.pendingProposals',
  },
  offerPendingBelowLimit: {
    problem: 'limit',
    limit: 'pendingProposalsPerOffer',
    rule: 'the offer has fewer proposals waiting than LIMITS.pendingProposalsPerOffer',
  },
  requestUnchangedSinceRound: {
    problem: 'conflict',
    rule: 'rounds: the request got no proposal since the round read it',
  },
  openRequestsBelowLimit: {
    problem: 'limit',
    limit: 'openRequestsPerType',
    rule: 'the business has fewer requests of the type not closed than LIMITS.openRequestsPerType',
  },
  isProposed: { problem: 'conflict', rule: 'the partnership is proposed' },
  isActive: { problem: 'conflict', rule: 'the partnership is active' },
  isCompleted: { problem: 'conflict', rule: 'the partnership is completed' },
  notRatedBySide: { problem: 'conflict', rule: 'this side has not rated the partnership yet' },
} as const satisfies Record<string, { problem: string; rule: string; limit?: string }>;
export type GuardName = keyof typeof GUARDS;
export type ProblemKind = (typeof GUARDS)[GuardName]['problem'] | 'not-found' | 'forbidden';

/**
 * The effects, each a named change to one object. plan.ts gives each its item in the change plan.
 * - partnership: `createPartnership`, `setStatus`, `recordFeedback`
 * - pair guard (one per request and offer): `claimPair` (live), `rememberDecline` (the pair stays
 *   blocked for good), `releasePair`
 * - request: `addPending`, `removePending`, `matchRequest` (leaves matching, its other proposals are
 *   withdrawn), `reopenRequest` (back in matching, unless its owner closed it)
 * - offer: `offerPendingUp`, `offerPendingDown`, `takeSlot`, `releaseSlot`
 * - counters and records: `countPartnership`, `uncountPartnership`, `addToTrackRecord`
 */
export const EFFECTS = [
  'createPartnership',
  'setStatus',
  'recordFeedback',
  'claimPair',
  'rememberDecline',
  'releasePair',
  'addPending',
  'removePending',
  'matchRequest',
  'withdrawOthers',
  'reopenRequest',
  'offerPendingUp',
  'offerPendingDown',
  'takeSlot',
  'releaseSlot',
  'countPartnership',
  'uncountPartnership',
  'addToTrackRecord',
] as const;
export type Effect = (typeof EFFECTS)[number];

export interface Transition {
  /** A stable name for the row (tests and docs refer to it). */
  readonly id: string;
  readonly event: PartnershipEvent | 'withdraw' | 'lapse';
  /** `null`: the partnership does not exist yet. */
  readonly from: PartnershipStatus | null;
  readonly to: PartnershipStatus;
  readonly by: readonly Relation[];
  /** Checked in this order; the first that fails is the answer. */
  readonly guards: readonly GuardName[];
  readonly effects: readonly Effect[];
}

/** Every transition of a partnership. Nothing else changes a partnership's status. */
export const TRANSITIONS = [
  {
    id: 'propose',
    event: 'propose',
    from: null,
    to: 'proposed',
    by: ['requestOwner'],
    guards: [
      'requestOpen',
      'offerOpen',
      'sameType',
      'offerHasSlot',
      'eligible',
      'pairNotDeclined',
      'pairNotLive',
      'requestPendingBelowLimit',
      'offerPendingBelowLimit',
    ],
    effects: ['createPartnership', 'claimPair', 'addPending', 'offerPendingUp'],
  },
  {
    id: 'propose-in-round',
    event: 'propose',
    from: null,
    to: 'proposed',
    by: ['round'],
    guards: [
      'requestOpen',
      'offerOpen',
      'sameType',
      'offerHasSlot',
      'offerHasFreeSlot',
      'eligible',
      'pairNotDeclined',
      'pairNotLive',
      'requestUnchangedSinceRound',
      'requestPendingBelowLimit',
      'offerPendingBelowLimit',
    ],
    effects: ['createPartnership', 'claimPair', 'addPending', 'offerPendingUp'],
  },
  {
    id: 'accept',
    event: 'accept',
    from: 'proposed',
    to: 'active',
    by: ['offerOwner'],
    guards: ['isProposed', 'offerOpen', 'offerHasSlot', 'requestOpen'],
    effects: [
      'setStatus',
      'takeSlot',
      'offerPendingDown',
      'matchRequest',
      'withdrawOthers',
      'countPartnership',
    ],
  },
  {
    id: 'decline',
    event: 'decline',
    from: 'proposed',
    to: 'declined',
    by: ['offerOwner'],
    guards: ['isProposed'],
    effects: ['setStatus', 'rememberDecline', 'removePending', 'offerPendingDown'],
  },
  {
    id: 'cancel-proposal',
    event: 'cancel',
    from: 'proposed',
    to: 'cancelled',
    by: ['requestOwner', 'offerOwner'],
    guards: ['isProposed'],
    effects: ['setStatus', 'releasePair', 'removePending', 'offerPendingDown'],
  },
  {
    id: 'cancel-active',
    event: 'cancel',
    from: 'active',
    to: 'cancelled',
    by: ['requestOwner', 'offerOwner'],
    guards: ['isActive'],
    effects: ['setStatus', 'releasePair', 'releaseSlot', 'reopenRequest', 'uncountPartnership'],
  },
  {
    id: 'complete',
    event: 'complete',
    from: 'active',
    to: 'completed',
    by: ['requestOwner', 'offerOwner'],
    guards: ['isActive'],
    effects: ['setStatus', 'releasePair'],
  },
  {
    id: 'rate',
    event: 'rate',
    from: 'completed',
    to: 'completed',
    by: ['requestOwner', 'offerOwner'],
    guards: ['isCompleted', 'notRatedBySide'],
    // The track record only counts the UMKM's rating of the partner (see decide.ts).
    effects: ['recordFeedback', 'addToTrackRecord'],
  },
  {
    id: 'withdraw',
    event: 'withdraw',
    from: 'proposed',
    to: 'withdrawn',
    by: ['system'],
    guards: ['isProposed'],
    effects: ['setStatus', 'releasePair', 'offerPendingDown'],
  },
  {
    // A round's proposal the partner left unanswered past the programme's window: its slot returns and
    // the UMKM can be placed again (functions/src/domain/rounds.ts lapse, a timer locally, a schedule on AWS).
    id: 'lapse',
    event: 'lapse',
    from: 'proposed',
    to: 'withdrawn',
    by: ['system'],
    guards: ['isProposed'],
    effects: ['setStatus', 'releasePair', 'removePending', 'offerPendingDown'],
  },
] as const satisfies readonly Transition[];

export type TransitionId = (typeof TRANSITIONS)[number]['id'];

/**
 * A request's own states. `open → matched` and `matched → open` happen only as effects of a
 * partnership's accept and cancel; a person closes a request. A closed request withdraws its proposals.
 */
export const REQUEST_TRANSITIONS = [
  { id: 'request-created', from: null, to: 'open', by: 'requestOwner', guards: ['openRequestsBelowLimit'] },
  { id: 'request-matched', from: 'open', to: 'matched', by: 'accept', guards: [] },
  { id: 'request-reopened', from: 'matched', to: 'open', by: 'cancel-active', guards: [] },
  { id: 'request-closed', from: 'open', to: 'closed', by: 'requestOwner', guards: [] },
  { id: 'request-closed-matched', from: 'matched', to: 'closed', by: 'requestOwner', guards: [] },
] as const satisfies readonly {
  id: string;
  from: RequestStatus | null;
  to: RequestStatus;
  by: string;
  guards: readonly GuardName[];
}[];

/** The rows a person with this relation may cause on a partnership in `status`. */
export function transitionsFor(status: PartnershipStatus | null, relation: Relation) {
  return TRANSITIONS.filter((t) => t.from === status && (t.by as readonly Relation[]).includes(relation));
}
