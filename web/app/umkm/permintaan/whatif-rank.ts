import { rankOffers } from '@sinergi/shared/matching';
import { type Match, type PartnershipRequest, toMatchOffer, toMatchRequest } from '@sinergi/shared/schemas';

/**
 * The what-if preview's computation: the matching core (and the schema mappers) over the offers already
 * loaded. Its own chunk, imported by WhatIf.tsx when the owner starts to edit the needs, so the page and
 * its ranked list never wait for the core.
 */
export function previewRanker(request: PartnershipRequest, matches: readonly Match[]) {
  const offers = matches.map((m) => toMatchOffer(m.offer));
  return (needs: string[]) =>
    rankOffers(toMatchRequest({ ...request, needs }), offers, { limit: offers.length }).ranked;
}
