/**
 * Ranking: one request against many offers (what a UMKM sees), or one offer against many requests (the
 * partner's candidate list). Both score every pair with the kernel, keep the top k in a fixed-size heap
 * (O(n log k), no array of n result objects), and only then build reasons for the k shown pairs.
 *
 * Order: score descending, ties broken by id ascending — never by input position, so the same inputs in
 * any order give the same ranking.
 */
import { explainPrepared } from './explain';
import { type ResolvedWeights, resolveWeights, type ScoreOptions, scorePrepared } from './kernel';
import { type PreparedOffer, type PreparedRequest, prepareOffer, prepareRequest } from './prepare';
import { TopK } from './top-k';
import type { EligiblePairScore, HardFilterName, MatchOffer, MatchRequest, Reason } from './types';

/** Options for {@link rankOffers} and {@link rankRequests}. */
export interface RankOptions extends ScoreOptions {
  /** How many ranked entries to return (default 10). */
  readonly limit?: number;
  /** Also return every excluded entry with its hard filter and reason (default false). */
  readonly includeExcluded?: boolean;
}

/** A ranked offer for a request: the full eligible pair score plus identity and position. */
export type RankedOffer = EligiblePairScore & { readonly offerId: string; readonly rank: number };
/** A ranked candidate (request) for an offer. */
export type RankedRequest = EligiblePairScore & { readonly requestId: string; readonly rank: number };
/** An offer excluded by a hard filter, with the reason ("why not"). */
export interface ExcludedOffer {
  readonly offerId: string;
  readonly filter: HardFilterName;
  readonly reason: Reason;
}
export interface ExcludedRequest {
  readonly requestId: string;
  readonly filter: HardFilterName;
  readonly reason: Reason;
}

export interface OfferRanking {
  readonly ranked: readonly RankedOffer[];
  /** Eligible offers in total (may exceed `ranked.length`). */
  readonly eligibleCount: number;
  /** Present only with `includeExcluded`; sorted by id. */
  readonly excluded?: readonly ExcludedOffer[];
}
export interface RequestRanking {
  readonly ranked: readonly RankedRequest[];
  readonly eligibleCount: number;
  readonly excluded?: readonly ExcludedRequest[];
}

/** Accept plain or prepared values, so callers that cache prepared offers skip preparation. */
export function asRequest(x: MatchRequest | PreparedRequest): PreparedRequest {
  return 'kind' in x && x.kind === 'prepared-request' ? x : prepareRequest(x as MatchRequest);
}
export function asOffer(x: MatchOffer | PreparedOffer): PreparedOffer {
  return 'kind' in x && x.kind === 'prepared-offer' ? x : prepareOffer(x as MatchOffer);
}

/** The `limit` option as a count (default 10; anything not a positive number gives 0). */
export function limitOf(options: { readonly limit?: number }): number {
  const k = options.limit ?? 10;
  return Number.isFinite(k) && k > 0 ? Math.floor(k) : 0;
}

function rankCore(
  count: number,
  score: (i: number) => number,
  id: (i: number) => string,
  explain: (i: number, w: ResolvedWeights) => ReturnType<typeof explainPrepared>,
  w: ResolvedWeights,
  options: RankOptions,
): {
  top: { i: number; result: EligiblePairScore }[];
  eligible: number;
  excluded?: { i: number; filter: HardFilterName; reason: Reason }[];
} {
  const top = new TopK(limitOf(options), id);
  let eligible = 0;
  const excludedIdx: number[] = [];
  for (let i = 0; i < count; i++) {
    const s = score(i);
    if (s >= 0) {
      eligible++;
      top.offer(s, i);
    } else if (options.includeExcluded === true) excludedIdx.push(i);
  }
  const result = top.sorted().map((i) => ({ i, result: explain(i, w) as EligiblePairScore }));
  if (options.includeExcluded !== true) return { top: result, eligible };
  const excluded = excludedIdx
    .map((i) => {
      const e = explain(i, w);
      return e.eligible ? undefined : { i, filter: e.filter, reason: e.reason };
    })
    .filter((x): x is { i: number; filter: HardFilterName; reason: Reason } => x !== undefined)
    .sort((a, b) => (id(a.i) < id(b.i) ? -1 : id(a.i) > id(b.i) ? 1 : 0));
  return { top: result, eligible, excluded };
}

/**
 * Rank offers for one request (the UMKM's view): top `limit` eligible offers with score, parts and
 * reasons; with `includeExcluded`, every excluded offer with its hard filter and bilingual reason.
 * Offers may be passed prepared ({@link prepareOffer}) to skip per-call preparation.
 *
 * @example
 * const { ranked, excluded } = rankOffers(request, offers, { limit: 5, includeExcluded: true });
 * ranked[0]?.offerId;          // best offer
 * ranked[0]?.reasons[0]?.id;   // "Topik cocok: pemasaran digital, ekspor."
 * excluded?.[0]?.reason.en;    // "The partner requires certification the UMKM does not have: Halal certificate."
 */
export function rankOffers(
  request: MatchRequest | PreparedRequest,
  offers: readonly (MatchOffer | PreparedOffer)[],
  options: RankOptions = {},
): OfferRanking {
  const r = asRequest(request);
  const prepared = offers.map(asOffer);
  const w = resolveWeights(options);
  const id = (i: number) => (prepared[i] as PreparedOffer).source.id;
  const core = rankCore(
    prepared.length,
    (i) => scorePrepared(r, prepared[i] as PreparedOffer, w, null),
    id,
    (i, ww) => explainPrepared(r, prepared[i] as PreparedOffer, ww),
    w,
    options,
  );
  const ranked = core.top.map(({ i, result }, n) => ({ ...result, offerId: id(i), rank: n + 1 }));
  return core.excluded === undefined
    ? { ranked, eligibleCount: core.eligible }
    : {
        ranked,
        eligibleCount: core.eligible,
        excluded: core.excluded.map(({ i, filter, reason }) => ({ offerId: id(i), filter, reason })),
      };
}

/**
 * Rank candidate requests for one offer (the partner's view). Scores are the same pair scores as in
 * {@link rankOffers}, so the impact priority — which depends on the UMKM — reorders near-equal candidates
 * here, exactly as it does on the partner side of an allocation round.
 *
 * @example
 * const { ranked } = rankRequests(mentorshipOffer, openRequests, { limit: 20 });
 * ranked.map((c) => [c.requestId, c.score.toFixed(2), c.impact.toFixed(2)]);
 */
export function rankRequests(
  offer: MatchOffer | PreparedOffer,
  requests: readonly (MatchRequest | PreparedRequest)[],
  options: RankOptions = {},
): RequestRanking {
  const o = asOffer(offer);
  const prepared = requests.map(asRequest);
  const w = resolveWeights(options);
  const id = (i: number) => (prepared[i] as PreparedRequest).source.id;
  const core = rankCore(
    prepared.length,
    (i) => scorePrepared(prepared[i] as PreparedRequest, o, w, null),
    id,
    (i, ww) => explainPrepared(prepared[i] as PreparedRequest, o, ww),
    w,
    options,
  );
  const ranked = core.top.map(({ i, result }, n) => ({ ...result, requestId: id(i), rank: n + 1 }));
  return core.excluded === undefined
    ? { ranked, eligibleCount: core.eligible }
    : {
        ranked,
        eligibleCount: core.eligible,
        excluded: core.excluded.map(({ i, filter, reason }) => ({ requestId: id(i), filter, reason })),
      };
}
