/**
 * Catalogue indexes: the prepared open offers of a catalogue, indexed once, so that a match read (one
 * request against every offer) runs the full kernel on only the few pairs that can reach its top k. The
 * answer is exactly {@link rankOffers}' (same entries, scores, order and `eligibleCount`). The open
 * requests' index for candidate reads (request-index.ts) shares the delta, bins and top-k scan below.
 *
 * Why: the kernel costs ~250 ns a pair, mostly in reaching each prepared entry's arrays; 10,000 offers of
 * a type are ~2.5 ms a read, growing with the catalogue. Here a read costs:
 *
 * 1. **Hard filters from flat columns.** Every entry of the type is checked against the pair's hard
 *    filters from typed arrays (a few ns each, no object hops), which gives the exact `eligibleCount`.
 * 2. **A bound from posting lists.** Walking the posting lists of the other side's concepts and KBLI keys
 *    gives each entry's topic numerators and sector level exactly; the rest of the fit is bounded by
 *    constants per entry (location at its best, shared unknown words at the shorter list). The bound
 *    is never below the kernel's fit (same argument as shortlist.ts, whose offer tables the offer side
 *    reuses), so the score bound is `combineScore(bound, impact)`.
 * 3. **Best bounds first.** Entries are counting-sorted into bins by bound and scored from the top bin
 *    down; once the k-th best score beats the next bin's top by {@link MARGIN}, nothing left can enter.
 *
 * Only the default weights are indexed (what the API ranks with); other weights use rank.ts.
 *
 * @example
 * const index = indexOffers(preparedOffers);          // once per catalogue version
 * const { ranked, eligibleCount } = rankIndexedOffers(request, index, { limit: 20 });
 */
import { explainPrepared } from './explain';
import { combineScore, impactOf, resolveWeights, scorePrepared } from './kernel';
import { inMask, type PreparedOffer, type PreparedRequest } from './prepare';
import { asRequest, limitOf, type OfferRanking, type RankedOffer } from './rank';
import {
  BINS,
  buildShortlistIndex,
  type IndexSteps,
  MARGIN,
  runSteps,
  type ShortlistIndex,
  sortByBound,
} from './shortlist';
import { TopK } from './top-k';
import type { EligiblePairScore, MatchRequest } from './types';

/** The options an indexed ranking takes: only the count (weights and impact are the defaults). */
export interface IndexedRankOptions {
  /** How many ranked entries to return (default 10). */
  readonly limit?: number;
}

/**
 * What changed in a catalogue since its index was built: the indexed entries that are no longer current
 * (`stale`, 1 per index position) and the current entries the index does not hold (`fresh`: new ones and
 * new versions of stale ones). A ranking over an index and its delta equals one over the current
 * entries; the delta is scored entry by entry, so a catalogue rebuilds its index only once the delta has
 * grown (functions/src/catalog), not on every change.
 */
export interface IndexDelta<P> {
  readonly stale: Uint8Array;
  /** The stale positions, listed (what a read walks to correct a count without a pass over `stale`). */
  readonly staleAt: readonly number[];
  readonly fresh: readonly P[];
}

/**
 * The delta of an index of `size` entries whose entries at `staleAt` are no longer current.
 *
 * @example
 * rankIndexedOffers(request, index, {}, indexDelta(index.offers.length, [3], [prepareOffer(changed)]));
 */
export function indexDelta<P>(size: number, staleAt: readonly number[], fresh: readonly P[]): IndexDelta<P> {
  const stale = new Uint8Array(size);
  for (const i of staleAt) stale[i] = 1;
  return { stale, staleAt, fresh };
}

export { type IndexSteps, runSteps } from './shortlist';

/** Entry positions of each type code, ascending. */
export function byType(items: readonly { readonly typeCode: number }[]): Int32Array[] {
  const lists: number[][] = [];
  items.forEach((x, i) => {
    const list = lists[x.typeCode] ?? [];
    list.push(i);
    lists[x.typeCode] = list;
  });
  return Array.from({ length: lists.length }, (_, t) => Int32Array.from(lists[t] ?? []));
}

/** Bins of a bound pass: `order[binStart[b] … binStart[b + 1]]` hold the entries of bin `b`, best bin first. */
export interface Binned {
  readonly order: Int32Array;
  readonly binStart: Int32Array;
  /** Per position in `order`'s terms: the entry's bound (as passed to `toScore`). */
  readonly bound: Float64Array;
}

/**
 * Score the binned entries best bin first into `top`, skipping every entry whose score bound is below the
 * k-th best score by more than {@link MARGIN}. `toScore` turns a bound into a score bound (monotone);
 * `score(c)` is the kernel's score of entry `c` (negative when a hard filter excludes it).
 */
export function scanBins(
  bins: Binned,
  top: TopK,
  toScore: (bound: number) => number,
  score: (c: number) => number,
  entry: (c: number) => number,
  stale: Uint8Array | undefined,
): void {
  if (top.k === 0) return;
  const { order, binStart, bound } = bins;
  for (let b = 0; b < BINS; b++) {
    const from = binStart[b] as number;
    const to = binStart[b + 1] as number;
    if (from === to) continue;
    // Every entry in this bin and below has a bound under the bin's top.
    if (top.full && b > 0 && toScore((BINS - b) / BINS) + MARGIN < top.worstScore) return;
    for (let q = from; q < to; q++) {
      const c = order[q] as number;
      if (top.full && toScore(bound[c] as number) + MARGIN < top.worstScore) continue;
      const i = entry(c);
      if (stale !== undefined && stale[i] === 1) continue;
      const s = score(c);
      if (s >= 0) top.offer(s, i);
    }
  }
}

/**
 * The top of a ranking over the indexed entries (indices 0 … n−1 of `indexed`) and the delta's fresh
 * ones (n …): the fresh are scored one by one, the indexed through `scan` (with the delta's stale ones
 * skipped); `eligibleIndexed` is how many current indexed entries pass the hard filters. Returns the
 * kept entries, best first, and the eligible count.
 */
export function topOf<P extends { readonly source: { readonly id: string } }>(
  indexed: readonly P[],
  delta: IndexDelta<P> | undefined,
  eligibleIndexed: number,
  options: IndexedRankOptions,
  score: (entry: P) => number,
  scan: (top: TopK, stale: Uint8Array | undefined) => void,
): { top: P[]; eligible: number } {
  const n = indexed.length;
  const fresh = delta?.fresh ?? [];
  // One index space: the indexed entries, then the fresh ones.
  const at = (i: number) => (i < n ? indexed[i] : fresh[i - n]) as P;
  const freshScores = fresh.map(score);
  const eligible = eligibleIndexed + freshScores.filter((s) => s >= 0).length;
  const top = new TopK(Math.min(limitOf(options), eligible), (i) => at(i).source.id);
  freshScores.forEach((s, j) => {
    if (s >= 0) top.offer(s, n + j);
  });
  scan(top, delta?.stale);
  return { top: top.sorted().map(at), eligible };
}

// ── Offers (a match read: one request against the offers) ──────────────────────────────────────────

/** A catalogue's prepared offers, indexed for {@link rankIndexedOffers}. Read-only after building. */
export interface OfferIndex {
  readonly kind: 'offer-index';
  readonly offers: readonly PreparedOffer[];
  /** The round shortlist's bound tables and posting lists over these offers (default weights). */
  readonly bounds: ShortlistIndex;
  /** The hard filters the bound pass leaves to the caller, flat: places, certificates, reach. */
  readonly remaining: Int32Array;
  readonly requiredMask: Int32Array;
  readonly servesAll: Uint8Array;
  readonly serveLow: Int32Array;
  readonly serveHigh: Int32Array;
  readonly orgProvince: Int32Array;
}

/**
 * Index prepared offers (any types) for {@link rankIndexedOffers}: ~10 ms for 10,000 offers.
 *
 * @example
 * const index = indexOffers(offers.map(prepareOffer));
 */
export function indexOffers(offers: readonly PreparedOffer[]): OfferIndex {
  return runSteps(indexOffersInSteps(offers));
}

/** {@link indexOffers} in two passes (see {@link IndexSteps}). */
export function* indexOffersInSteps(offers: readonly PreparedOffer[]): IndexSteps<OfferIndex> {
  const n = offers.length;
  const remaining = new Int32Array(n);
  const requiredMask = new Int32Array(n);
  const servesAll = new Uint8Array(n);
  const serveLow = new Int32Array(n);
  const serveHigh = new Int32Array(n);
  const orgProvince = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const o = offers[i] as PreparedOffer;
    remaining[i] = o.remaining;
    requiredMask[i] = o.requiredMask;
    servesAll[i] = o.servesAll ? 1 : 0;
    serveLow[i] = o.serveLow;
    serveHigh[i] = o.serveHigh;
    orgProvince[i] = o.orgProvinceIndex;
  }
  yield;
  return {
    kind: 'offer-index',
    offers,
    bounds: buildShortlistIndex(offers, byType(offers), resolveWeights()),
    remaining,
    requiredMask,
    servesAll,
    serveLow,
    serveHigh,
    orgProvince,
  };
}

/** The kernel's capacity, certification and reach filters, word for word (the others are in the bound pass). */
function offerPasses(index: OfferIndex, r: PreparedRequest, oi: number): boolean {
  if ((index.remaining[oi] as number) <= 0) return false;
  if (((index.requiredMask[oi] as number) & ~r.certificationMask) !== 0) return false;
  if (
    index.bounds.offlineOnly[oi] === 1 &&
    index.servesAll[oi] === 0 &&
    !inMask(index.serveLow[oi] as number, index.serveHigh[oi] as number, r.provinceIndex) &&
    !inMask(r.reachLow, r.reachHigh, index.orgProvince[oi] as number)
  )
    return false;
  return true;
}

/**
 * Rank the indexed offers for one request: exactly `rankOffers(request, index.offers, options)` (without
 * the excluded list, which needs every offer's reason and stays with rank.ts).
 *
 * @example
 * rankIndexedOffers(request, index, { limit: 20 }).ranked[0]?.offerId;
 */
export function rankIndexedOffers(
  request: MatchRequest | PreparedRequest,
  index: OfferIndex,
  options: IndexedRankOptions = {},
  delta?: IndexDelta<PreparedOffer>,
): OfferRanking {
  const r = asRequest(request);
  const w = resolveWeights();
  const bounds = index.bounds;
  const offers = index.offers;
  const stale = delta?.stale;
  const candidates = bounds.offersByType[r.typeCode] ?? new Int32Array(0);
  // Bins candidates passing type, mode, size class, sector and dates by their fit bound.
  if (candidates.length > 0) sortByBound(bounds, r, w, null, 0);
  else bounds.binStart.fill(0);
  const binned = candidates.length > 0 ? (bounds.binStart[BINS] as number) : 0;
  let eligible = 0;
  for (let q = 0; q < binned; q++) {
    const oi = candidates[bounds.order[q] as number] as number;
    if ((stale === undefined || stale[oi] === 0) && offerPasses(index, r, oi)) eligible++;
  }
  const impact = impactOf(r, w);
  const ranking = topOf(
    offers,
    delta,
    eligible,
    options,
    (o) => scorePrepared(r, o, w, null),
    (top, skip) =>
      scanBins(
        bounds,
        top,
        (fit) => combineScore(Math.min(1, fit), impact),
        (c) => scorePrepared(r, offers[candidates[c] as number] as PreparedOffer, w, null),
        (c) => candidates[c] as number,
        skip,
      ),
  );
  const ranked: RankedOffer[] = ranking.top.map((o, rank) => ({
    ...(explainPrepared(r, o, w) as EligiblePairScore),
    offerId: o.source.id,
    rank: rank + 1,
  }));
  return { ranked, eligibleCount: ranking.eligible };
}
