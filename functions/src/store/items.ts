/**
 * Stored items ↔ domain objects: what every repository module reads back. Keys are the table's
 * (table.ts); these functions only drop them and rename the attributes stored differently.
 */
import type { PendingProposal } from '@sinergi/shared/schemas';
import type { PairState } from '@sinergi/shared/workflow';
import type { Business, Offer, PartnershipRecord, PartnershipRequest } from '../domain/model';
import {
  BUSINESS_REQUEST_COUNT_PREFIX,
  CONDITIONS,
  DECLINED_OFFERS,
  KEY,
  LIVE_PROPOSALS,
  PAIR_STATE,
  proposalRef,
} from './table';

type Feedback = NonNullable<NonNullable<PartnershipRecord['feedback']>['fromBusiness']>;
export type Item = Record<string, unknown>;

const KEY_ATTRIBUTES = new Set<string>([
  KEY.pk,
  KEY.sk,
  KEY.gsi1pk,
  KEY.gsi1sk,
  KEY.gsi2pk,
  KEY.gsi2sk,
  'entity',
]);

/** The stored item without its keys: the domain object. */
export function strip<T>(item: Item): T {
  const out: Item = {};
  for (const [name, value] of Object.entries(item)) if (!KEY_ATTRIBUTES.has(name)) out[name] = value;
  return out as T;
}

/** A stored business: its per-type request counts are the store's, not the profile's. */
export function toBusiness(item: Item): Business {
  const out = strip<Item>(item);
  for (const name of Object.keys(out)) if (name.startsWith(BUSINESS_REQUEST_COUNT_PREFIX)) delete out[name];
  return out as unknown as Business;
}

/** A stored offer; `pendingProposals` is clamped at zero for offers whose proposals predate the counter. */
export function toOffer(item: Item): Offer {
  const offer = strip<Offer>(item);
  return { ...offer, pendingProposals: Math.max(0, Number(offer.pendingProposals ?? 0)) };
}

const setOf = (value: unknown): string[] => (value instanceof Set ? [...(value as Set<string>)].sort() : []);

/** A stored request: its string sets become the public `pendingProposals` and `declinedOfferIds`. */
export function toRequest(item: Item): PartnershipRequest {
  const { [LIVE_PROPOSALS]: live, [DECLINED_OFFERS]: declined, ...rest } = strip<Item>(item);
  return {
    ...(rest as unknown as PartnershipRequest),
    pendingProposals: setOf(live).map(proposalRef.parse),
    declinedOfferIds: setOf(declined),
  };
}

export function toPartnership(item: Item): PartnershipRecord {
  const { feedbackFromBusiness, feedbackFromOrganization, ...rest } = strip<Item>(item);
  const feedback: NonNullable<PartnershipRecord['feedback']> = {
    ...(feedbackFromBusiness ? { fromBusiness: feedbackFromBusiness as Feedback } : {}),
    ...(feedbackFromOrganization ? { fromOrganization: feedbackFromOrganization as Feedback } : {}),
  };
  return { ...(rest as unknown as PartnershipRecord), ...(Object.keys(feedback).length ? { feedback } : {}) };
}

/** The stored attribute of one side's feedback. */
export const feedbackAttribute = (side: 'fromBusiness' | 'fromOrganization') =>
  side === 'fromBusiness' ? 'feedbackFromBusiness' : 'feedbackFromOrganization';

/** A pair guard item (none: the pair is free). Guards written before states existed are live. */
export function toPair(item: Item | undefined): PairState {
  if (!item) return undefined;
  return {
    state: item.state === PAIR_STATE.declined ? 'declined' : 'live',
    ...(typeof item.partnershipId === 'string' ? { partnershipId: item.partnershipId } : {}),
  };
}

/**
 * A condition that holds while a request's `liveProposals` set is exactly `pending` (the same size and
 * every entry in it), so a write built from a read of the request fails if a proposal came or went.
 */
export function sameProposals(pending: readonly PendingProposal[]) {
  if (pending.length === 0) return { condition: CONDITIONS.noPending, values: {} };
  const values: Item = { ':proposalCount': pending.length };
  const parts = [`size(${LIVE_PROPOSALS}) = :proposalCount`];
  pending.forEach((pp, i) => {
    values[`:proposal${i}`] = proposalRef.of(pp.partnershipId, pp.offerId);
    parts.push(`contains(${LIVE_PROPOSALS}, :proposal${i})`);
  });
  return { condition: parts.join(' AND '), values };
}
