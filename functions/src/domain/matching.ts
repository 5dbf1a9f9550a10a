import {
  analyseTexts,
  type EligiblePairScore,
  type HardFilterName,
  type IndexDelta,
  type IndexedRankOptions,
  type RankOptions,
  rankIndexedOffers,
  rankIndexedRequests,
  rankOffers,
  rankRequests,
} from '@sinergi/shared/matching';
import {
  type CandidateList,
  type MatchList,
  type MatchQuery,
  toCandidateRequest,
  toMatchOffer,
  toMatchRequest,
} from '@sinergi/shared/schemas';
import { ownedOrAdmin } from './access';
import type { Identity, Offer, PartnershipRequest } from './model';
import type { CatalogView, Held, MatchCatalogs, Repository } from './ports';
import { withAverage } from './profiles';

/**
 * One page of excluded entries (sorted by id, as the core returns them) after `query.excludedCursor`,
 * with counts per filter over all of them: the answer stays small whatever the catalogue's size.
 */
function excludedPage<E extends { readonly filter: HardFilterName }, T>(
  all: readonly E[],
  idOf: (e: E) => string,
  query: MatchQuery,
  shape: (e: E) => T,
) {
  const byFilter: Partial<Record<HardFilterName, number>> = {};
  for (const e of all) byFilter[e.filter] = (byFilter[e.filter] ?? 0) + 1;
  const cursor = query.excludedCursor;
  const from = cursor === undefined ? 0 : all.findIndex((e) => idOf(e) > cursor);
  const page = from < 0 ? [] : all.slice(from, from + query.excludedLimit);
  const last = page[page.length - 1];
  const more = from >= 0 && from + page.length < all.length;
  return {
    total: all.length,
    byFilter,
    items: page.map(shape),
    ...(more && last !== undefined ? { nextCursor: idOf(last) } : {}),
  };
}

/**
 * Rank a catalogue view: from its index (warm catalogues) unless the excluded list is asked for, which
 * needs every item's reason — that, and the read-afresh path, scan every item.
 */
function rankView<P, I, R>(
  view: CatalogView<unknown, P, I>,
  query: MatchQuery,
  indexed: (index: I, options: IndexedRankOptions, delta?: IndexDelta<P>) => R,
  scan: (prepared: readonly P[], options: RankOptions) => R,
): R {
  const excluded = query.explain === 'excluded';
  return view.ranking && !excluded
    ? indexed(view.ranking.index, { limit: query.limit }, view.ranking.delta)
    : scan(view.prepared, { limit: query.limit, includeExcluded: excluded });
}

/**
 * The caller's request or offer a match or candidate read is about: from the warm catalogue that holds
 * it (as of a version read by this call, prepared already), else read from the table; hidden (404)
 * from anyone but its owner and admins.
 */
async function subject<T extends { readonly ownerId: string }, P>(
  who: Identity,
  what: 'request' | 'offer',
  id: string,
  held: Promise<Held<T, P> | undefined> | undefined,
  read: () => Promise<T | undefined>,
): Promise<{ item: T; prepared?: P }> {
  const found = await held;
  if (found) return { item: ownedOrAdmin(who, found.item, what, id), prepared: found.prepared };
  return { item: ownedOrAdmin(who, await read(), what, id) };
}

/** The parts of a ranked pair every match and candidate reports, in the API's shape. */
function scoreParts(m: EligiblePairScore & { readonly rank: number }) {
  return {
    rank: m.rank,
    score: m.score,
    fit: m.fit,
    forUmkm: m.forUmkm,
    forPartner: m.forPartner,
    impact: m.impact,
    components: m.components,
    reasons: [...m.reasons],
  };
}

/**
 * Matches, candidates and allocation rounds, scored in memory with the pure matching core. Matches and
 * candidates rank against the warm catalogues (`catalogs`: one version read per call, then only what
 * changed; functions/src/catalog); rounds read every open item of the type afresh.
 */
export function matchingService(repo: Repository, catalogs: MatchCatalogs) {
  return {
    /** Offers for one of the caller's requests, best first (owner or admin). */
    async matchesForRequest(who: Identity, requestId: string, query: MatchQuery): Promise<MatchList> {
      // The request (from the warm requests catalogue when it holds it) and the offers catalogue's
      // version are read at once.
      const read = subject(who, 'request', requestId, catalogs.openRequest?.(requestId), () =>
        repo.getRequest(requestId),
      );
      const [{ item: request, prepared }, byId] = await Promise.all([
        read,
        catalogs.offers(read.then((r) => r.item.type)),
      ]);
      const match = prepared ?? toMatchRequest(request);
      const ranking = rankView(
        byId,
        query,
        (index, options, delta) => rankIndexedOffers(match, index, options, delta),
        (prepared, options) => rankOffers(match, prepared, options),
      );
      return {
        items: ranking.ranked.map((m) => ({
          offerId: m.offerId,
          ...scoreParts(m),
          offer: withAverage(byId.get(m.offerId) as Offer),
        })),
        eligibleCount: ranking.eligibleCount,
        excludedCount: byId.items.length - ranking.eligibleCount,
        notUnderstood: analyseTexts(request.needs).notUnderstood,
        ...(ranking.excluded
          ? {
              excluded: excludedPage(
                ranking.excluded,
                (e) => e.offerId,
                query,
                (e) => {
                  const offer = byId.get(e.offerId) as Offer;
                  return { ...e, title: offer.title, organizationName: offer.organization.name };
                },
              ),
            }
          : {}),
      };
    },

    /** Open requests for one of the caller's offers, best first (owner or admin). */
    async candidatesForOffer(who: Identity, offerId: string, query: MatchQuery): Promise<CandidateList> {
      const read = subject(who, 'offer', offerId, catalogs.openOffer?.(offerId), () =>
        repo.getOffer(offerId),
      );
      const [{ item: offer, prepared }, byId] = await Promise.all([
        read,
        catalogs.requests(read.then((o) => o.item.type)),
      ]);
      const match = prepared ?? toMatchOffer(offer);
      const ranking = rankView(
        byId,
        query,
        (index, options, delta) => rankIndexedRequests(match, index, options, delta),
        (prepared, options) => rankRequests(match, prepared, options),
      );
      return {
        items: ranking.ranked.map((m) => ({
          requestId: m.requestId,
          ...scoreParts(m),
          request: toCandidateRequest(byId.get(m.requestId) as PartnershipRequest),
        })),
        eligibleCount: ranking.eligibleCount,
        excludedCount: byId.items.length - ranking.eligibleCount,
        ...(ranking.excluded
          ? {
              excluded: excludedPage(
                ranking.excluded,
                (e) => e.requestId,
                query,
                (e) => ({ ...e, businessName: (byId.get(e.requestId) as PartnershipRequest).business.name }),
              ),
            }
          : {}),
      };
    },
  };
}
