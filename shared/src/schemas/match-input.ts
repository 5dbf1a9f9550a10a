/**
 * The one place the API's offers and requests become the matching core's plain inputs, used by the
 * functions (for matches, candidates and rounds) and by the site (for what-if previews in the browser),
 * so the browser ranks exactly as the API does. Requests carry their business snapshot and offers their
 * organization snapshot and track record, so a whole match needs no profile reads.
 */
import type { MatchOffer, MatchRequest } from '../matching';
import type { Offer } from './offer';
import type { PartnershipRequest } from './request';

const opt = <K extends string, V>(key: K, value: V | undefined) =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };

const nonEmpty = <T>(list: readonly T[] | undefined) => (list && list.length > 0 ? list : undefined);

/**
 * A partnership request (with its business snapshot) as the matching core's input.
 *
 * @example
 * rankOffers(toMatchRequest(request), offers.map(toMatchOffer), { limit: 10 });
 */
export function toMatchRequest(request: PartnershipRequest): MatchRequest {
  const b = request.business;
  return {
    id: request.id,
    type: request.type,
    needs: request.needs,
    mode: request.mode,
    ...opt('provinces', nonEmpty(request.provinces)),
    ...opt('startDate', request.startDate),
    ...opt('endDate', request.endDate),
    ...opt('languages', nonEmpty(request.languages)),
    business: {
      id: b.id,
      province: b.province,
      ...opt('city', b.city),
      sizeClass: b.sizeClass,
      sector: b.sector,
      kbli: b.kbli,
      products: b.products,
      certifications: b.certifications,
    },
  };
}

/** An offer (with its organization snapshot and track record) as the matching core's input. */
export function toMatchOffer(offer: Offer): MatchOffer {
  return {
    id: offer.id,
    type: offer.type,
    topics: offer.topics,
    ...opt('sectors', nonEmpty(offer.sectors)),
    ...opt('sizeClasses', nonEmpty(offer.sizeClasses)),
    ...opt('provinces', nonEmpty(offer.provinces)),
    mode: offer.mode,
    capacity: offer.capacity,
    // A closed offer takes no one, whatever its count says.
    remaining: offer.status === 'open' ? offer.remaining : 0,
    ...opt('startDate', offer.startDate),
    ...opt('endDate', offer.endDate),
    ...opt('requiredCertifications', nonEmpty(offer.requiredCertifications)),
    ...opt('languages', nonEmpty(offer.languages)),
    organization: {
      id: offer.organization.id,
      kind: offer.organization.kind,
      province: offer.organization.province,
      ...opt('city', offer.organization.city),
    },
    track: { ratingCount: offer.track.ratingCount, ratingSum: offer.track.ratingSum },
  };
}
