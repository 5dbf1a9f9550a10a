import type { Partnership } from '../schemas/index';
import { type PartnershipEvent, type Relation, TRANSITIONS } from './table';

/** The two sides of a partnership as the site speaks of them. */
export type Side = 'business' | 'organization';
export const SIDE_RELATION = {
  business: 'requestOwner',
  organization: 'offerOwner',
} as const satisfies Record<Side, Relation>;

/**
 * The events a side may cause on a partnership now, read from the transition table (the site shows a
 * button for each; `rate` only while that side has not rated). Guards about the offer or the request
 * (slots, status) are not known here; the API answers those.
 */
export function availableActions(p: Partnership, side: Side): PartnershipEvent[] {
  const relation = SIDE_RELATION[side];
  const events = TRANSITIONS.filter(
    (t) => t.from === p.status && (t.by as readonly Relation[]).includes(relation) && t.event !== 'withdraw',
  ).map((t) => t.event as PartnershipEvent);
  const rated = side === 'business' ? p.feedback?.fromBusiness : p.feedback?.fromOrganization;
  return [...new Set(events)].filter((e) => e !== 'rate' || !rated);
}
