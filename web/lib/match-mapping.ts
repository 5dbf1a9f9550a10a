/**
 * The API's offer and request shapes onto the matching core's plain inputs, for the previews the site
 * computes in the browser. It mirrors functions/src/domain/match-mapping.ts field for field (that one
 * maps the stored entities, which carry the same fields), so an unchanged request ranks here exactly
 * as the API ranked it; the what-if browser test checks that.
 */
import type { MatchOffer, MatchRequest } from '@sinergi/shared/matching';
import type { Offer, PartnershipRequest } from '@sinergi/shared/schemas';

const opt = <K extends string, V>(key: K, value: V | undefined) =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };

const nonEmpty = <T>(list: readonly T[] | undefined) => (list && list.length > 0 ? list : undefined);

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
