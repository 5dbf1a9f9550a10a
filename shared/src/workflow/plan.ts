/**
 * A change plan: what one decision of the workflow writes, as named changes to named objects. The
 * store writes a plan as ONE transaction (every change or none), one item per change, and reports a
 * failed condition by the change's `name`, never by its position. Each change lists the guards its
 * condition re-checks atomically, so a failure is explained by re-evaluating exactly those guards on
 * the object as it is now (`explainFailure` in decide.ts).
 *
 * Adding a kind of change (a catalogue version bump, a change-log entry, a sharded counter) is one
 * more member of `Change` here and one more entry in the store's translator map; plans that want it
 * append one more named change. Nothing else moves.
 */
import type {
  OfferType,
  Partnership,
  PartnershipRequest,
  PartnershipStatus,
  PendingProposal,
  RequestStatus,
} from '../schemas/index';
import type { GuardName } from './table';

export type FeedbackSide = 'fromBusiness' | 'fromOrganization';
export interface FeedbackEntry {
  rating: number;
  comment?: string;
  at: string;
}

interface Named {
  /** Unique within its plan: 'partnership', 'pair', 'request', 'offer', 'counter:partnerships#all'… */
  readonly name: string;
  /** The guards this change's condition enforces when it is written. */
  readonly guards: readonly GuardName[];
}

export type Change =
  | (Named & { kind: 'putPartnership'; partnership: Partnership })
  | (Named & { kind: 'putRequest'; request: PartnershipRequest })
  | (Named & {
      kind: 'partnershipStatus';
      id: string;
      from: PartnershipStatus;
      to: PartnershipStatus;
      at: string;
    })
  | (Named & { kind: 'feedback'; id: string; side: FeedbackSide; feedback: FeedbackEntry })
  | (Named & {
      kind: 'pair';
      requestId: string;
      offerId: string;
      partnershipId: string;
      /** `live`: claim the pair (it must be free); `declined`: remember the decline; `released`: free it. */
      to: 'live' | 'declined' | 'released';
    })
  | (Named & {
      kind: 'request';
      id: string;
      /** A status change; `open` puts it back in matching (the store restores its index keys). */
      status?: { from: RequestStatus; to: RequestStatus };
      addPending?: PendingProposal;
      removePending?: PendingProposal;
      /** Clear every pending proposal (matched or closed). */
      clearPending?: boolean;
      /** Condition: exactly these proposals wait (the plan was built from a read of them). */
      expectPending?: readonly PendingProposal[];
      /** Condition: fewer than this many proposals wait. */
      pendingBelow?: number;
      declinedOffer?: string;
      /** With a status change to `open`: what the request's place in the open-requests index is built from. */
      openIndex?: { type: OfferType; createdAt: string };
      at: string;
    })
  | (Named & {
      kind: 'offer';
      id: string;
      pendingDelta?: 1 | -1;
      remainingDelta?: 1 | -1;
      expect?: {
        open?: boolean;
        /** remaining > 0 */
        hasSlot?: boolean;
        /** pendingProposals < remaining */
        freeSlot?: boolean;
        /** pendingProposals < n */
        pendingBelow?: number;
        /** remaining < capacity (a slot given back must have been taken) */
        slotTaken?: boolean;
      };
    })
  | (Named & { kind: 'counter'; dimension: CounterDimension; value: string; delta: number })
  | (Named & { kind: 'trackRecord'; organizationId: string; rating: number })
  | (Named & {
      kind: 'businessRequests';
      businessId: string;
      type: string;
      delta: 1 | -1;
      /** Condition for +1: fewer than this many requests of the type are not closed. */
      below?: number;
    });

export type CounterDimension =
  | 'partnerships'
  | 'partnershipsInProvince'
  | 'partnershipsOfType'
  | 'partnershipsOfSize'
  | 'partnershipsInProvinceOfType'
  | 'partnershipsInProvinceOfSize';

export interface ChangePlan {
  /** The transition row this plan carries out (table.ts), or a request-level action. */
  readonly transition: string;
  readonly changes: readonly Change[];
}

/** The change named `name` of a plan. */
export function changeNamed(plan: ChangePlan, name: string): Change | undefined {
  return plan.changes.find((c) => c.name === name);
}

export class DuplicateChangeNameError extends Error {
  override readonly name = 'DuplicateChangeNameError';
}

/** A plan whose change names are unique (the store maps failures back by name). */
export function plan(transition: string, changes: readonly Change[]): ChangePlan {
  const seen = new Set<string>();
  for (const c of changes) {
    if (seen.has(c.name)) throw new DuplicateChangeNameError(`change ${c.name} twice in ${transition}`);
    seen.add(c.name);
  }
  return { transition, changes };
}
