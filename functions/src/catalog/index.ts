import {
  indexOffersInSteps,
  indexRequestsInSteps,
  type OfferIndex,
  type PreparedOffer,
  type PreparedRequest,
  prepareOffer,
  prepareRequest,
  type RequestIndex,
} from '@sinergi/shared/matching';
import { toMatchOffer, toMatchRequest } from '@sinergi/shared/schemas';
import type { Offer, PartnershipRequest } from '../domain/model';
import type { CatalogView, MatchCatalogs, Repository } from '../domain/ports';
import { Catalog, type CatalogSource } from './catalog';

export { Catalog, type CatalogEntry, type CatalogSource, INDEX_LAG_MS } from './catalog';

/**
 * The warm catalogues of one function instance: the open offers and open requests of each type, each
 * type loaded on its first use and refreshed by change afterwards.
 */
export function warmCatalogs(sources: {
  offers: CatalogSource<Offer>;
  requests: CatalogSource<PartnershipRequest>;
}): MatchCatalogs & {
  readonly offerCatalog: Catalog<Offer, PreparedOffer, OfferIndex>;
  readonly requestCatalog: Catalog<PartnershipRequest, PreparedRequest, RequestIndex>;
} {
  const offerCatalog = new Catalog<Offer, PreparedOffer, OfferIndex>(
    sources.offers,
    (o) => o.status === 'open',
    (o) => prepareOffer(toMatchOffer(o)),
    indexOffersInSteps,
  );
  const requestCatalog = new Catalog<PartnershipRequest, PreparedRequest, RequestIndex>(
    sources.requests,
    (r) => r.status === 'open',
    (r) => prepareRequest(toMatchRequest(r)),
    indexRequestsInSteps,
  );
  return {
    offers: (type) => offerCatalog.current(type),
    requests: (type) => requestCatalog.current(type),
    openRequest: (id) => requestCatalog.find(id),
    openOffer: (id) => offerCatalog.find(id),
    offerCatalog,
    requestCatalog,
  };
}

function viewOf<T extends { id: string }, P, I>(items: T[], prepare: (t: T) => P): CatalogView<T, P, I> {
  const byId = new Map(items.map((x) => [x.id, x]));
  return { version: -1, items, prepared: items.map(prepare), get: (id) => byId.get(id) };
}

/**
 * The query-everything path (what every match read did before the warm catalogues): every open item
 * of the type read and prepared again on every call. Kept as the load harness's baseline.
 */
export function queryEverything(repo: Repository): MatchCatalogs {
  return {
    offers: async (type) =>
      viewOf(await repo.listOpenOffers(await type), (o) => prepareOffer(toMatchOffer(o))),
    requests: async (type) =>
      viewOf(await repo.listOpenRequests(await type), (r) => prepareRequest(toMatchRequest(r))),
  };
}
