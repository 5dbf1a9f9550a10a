/**
 * Catalogue indexes: the prepared open offers (or open requests) of a catalogue, indexed once, so that a
 * match read (one request against every offer) or a candidate read (one offer against every request)
 * runs the full kernel on only the few pairs that can reach its top k. The answer is exactly
 * {@link rankOffers}' / {@link rankRequests}' (same entries, scores, order and `eligibleCount`).
 *
 * Why: the kernel costs ~250 ns a pair, mostly in reaching each prepared entry's arrays; 10,000 offers of
 * a type are ~2.5 ms a read and 50,000 requests ~13 ms, growing with the catalogue. Here a read costs:
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
import { KBLI_LEVEL, KBLI_LEVEL_FACTOR } from './kbli';
import {
  combineScore,
  impactOf,
  type ResolvedWeights,
  resolveWeights,
  SECTOR_BY_LEVEL,
  scorePrepared,
} from './kernel';
import { inMask, type PreparedOffer, type PreparedRequest } from './prepare';
import {
  asOffer,
  asRequest,
  limitOf,
  type OfferRanking,
  type RankedOffer,
  type RankedRequest,
  type RequestRanking,
} from './rank';
import {
  BINS,
  buildShortlistIndex,
  conceptsOf,
  kbliPostings,
  LOCATION_MAX,
  MARGIN,
  type Postings,
  placeInBins,
  postingLists,
  relatedOnly,
  type ShortlistIndex,
  sectionBitsOf,
  sortByBound,
} from './shortlist';
import { TopK } from './top-k';
import type { EligiblePairScore, MatchOffer, MatchRequest } from './types';
import { LEVELS } from './weights';

// Module-local copies of the level constants, read per entry in the bound passes (why: kernel.ts).
const RELATED = LEVELS.relatedConcept;
const PARTNER_TOPIC_OPEN = LEVELS.partnerTopicOpen;
const SATURATION = LEVELS.partnerTopicSaturation;
const SECTOR_OPEN = LEVELS.sector.open;
const LANGUAGE_SHARED = LEVELS.language.shared;
const LANGUAGE_NONE = LEVELS.language.none;

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
  readonly fresh: readonly P[];
}

/** Entry positions of each type code, ascending. */
function byType(items: readonly { readonly typeCode: number }[]): Int32Array[] {
  const lists: number[][] = [];
  items.forEach((x, i) => {
    const list = lists[x.typeCode] ?? [];
    list.push(i);
    lists[x.typeCode] = list;
  });
  return Array.from({ length: lists.length }, (_, t) => Int32Array.from(lists[t] ?? []));
}

/** Bins of a bound pass: `order[binStart[b] … binStart[b + 1]]` hold the entries of bin `b`, best bin first. */
interface Binned {
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
function scanBins(
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
function topOf<P extends { readonly source: { readonly id: string } }>(
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

// ── Requests (a candidate read: one offer against the open requests) ───────────────────────────────

/** Posting lists and flat columns over one type's requests (positions within the type). */
interface RequestTypeIndex {
  /** Request index of each position. */
  readonly requests: Int32Array;
  /** Need concepts (as listed: a repeated need is posted twice, as the kernel counts it). */
  readonly needs: Postings;
  /** Profile concepts, and concepts related to the profile but not in it. */
  readonly profile: Postings;
  readonly nearProfile: Postings;
  /** KBLI key (below section level) → positions. */
  readonly kbli: Map<number, Int32Array>;
}

/** A catalogue's prepared requests, indexed for {@link rankIndexedRequests}. */
export interface RequestIndex {
  readonly kind: 'request-index';
  readonly requests: readonly PreparedRequest[];
  readonly types: readonly RequestTypeIndex[];
  // Flat columns by request index: the hard filters and the pair terms the bound computes exactly.
  readonly startDay: Int32Array;
  readonly endDay: Int32Array;
  readonly certificationMask: Int32Array;
  readonly modeCode: Uint8Array;
  readonly provinceIndex: Int32Array;
  readonly reachLow: Int32Array;
  readonly reachHigh: Int32Array;
  readonly sizeBit: Int32Array;
  readonly sectorBit: Int32Array;
  readonly languageMask: Int32Array;
  readonly needCount: Int32Array;
  readonly needUnknown: Int32Array;
  readonly profileUnknown: Int32Array;
  readonly sectionBits: Int32Array;
  /** Each request's impact term under the default policy. */
  readonly impact: Float64Array;
  /** Scratch per position of the largest type, all-zero between reads. */
  readonly scratch: {
    readonly need: Float64Array;
    readonly profileExact: Float64Array;
    readonly profileRelated: Float64Array;
    readonly sectorLevel: Uint8Array;
    readonly open: Int32Array;
    readonly bound: Float64Array;
    readonly binOf: Int32Array;
    readonly order: Int32Array;
    readonly binStart: Int32Array;
    readonly binFill: Int32Array;
  };
}

/**
 * Index prepared requests (any types) for {@link rankIndexedRequests}.
 *
 * @example
 * const index = indexRequests(openRequests.map(prepareRequest));
 */
export function indexRequests(requests: readonly PreparedRequest[]): RequestIndex {
  const w = resolveWeights();
  const types = byType(requests).map((positions): RequestTypeIndex => {
    const at = (p: number) => requests[positions[p] as number] as PreparedRequest;
    return {
      requests: positions,
      needs: postingLists(positions.length, (p) => at(p).needKnown),
      profile: postingLists(positions.length, (p) => conceptsOf(at(p).profileBits)),
      nearProfile: postingLists(positions.length, (p) => {
        const r = at(p);
        return conceptsOf(r.profileRelatedBits.map((bits, i) => bits & ~(r.profileBits[i] as number)));
      }),
      kbli: kbliPostings(requests, positions),
    };
  });
  const largest = Math.max(0, ...types.map((t) => t.requests.length));
  const n = requests.length;
  const int = () => new Int32Array(n);
  const columns = {
    startDay: int(),
    endDay: int(),
    certificationMask: int(),
    modeCode: new Uint8Array(n),
    provinceIndex: int(),
    reachLow: int(),
    reachHigh: int(),
    sizeBit: int(),
    sectorBit: int(),
    languageMask: int(),
    needCount: int(),
    needUnknown: int(),
    profileUnknown: int(),
    sectionBits: int(),
    impact: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const r = requests[i] as PreparedRequest;
    columns.startDay[i] = r.startDay;
    columns.endDay[i] = r.endDay;
    columns.certificationMask[i] = r.certificationMask;
    columns.modeCode[i] = r.modeCode;
    columns.provinceIndex[i] = r.provinceIndex;
    columns.reachLow[i] = r.reachLow;
    columns.reachHigh[i] = r.reachHigh;
    columns.sizeBit[i] = r.sizeBit;
    columns.sectorBit[i] = r.sectorBit;
    columns.languageMask[i] = r.languageMask;
    columns.needCount[i] = r.needCount;
    columns.needUnknown[i] = r.needUnknown.length;
    columns.profileUnknown[i] = r.profileUnknown.length;
    columns.sectionBits[i] = sectionBitsOf(r.kbliKeys);
    columns.impact[i] = impactOf(r, w);
  }
  return {
    kind: 'request-index',
    requests,
    types,
    ...columns,
    scratch: {
      need: new Float64Array(largest),
      profileExact: new Float64Array(largest),
      profileRelated: new Float64Array(largest),
      sectorLevel: new Uint8Array(largest),
      open: new Int32Array(largest),
      bound: new Float64Array(largest),
      binOf: new Int32Array(largest),
      order: new Int32Array(largest),
      binStart: new Int32Array(BINS + 1),
      binFill: new Int32Array(BINS),
    },
  };
}

/** The kernel's hard filters for (request `ri`, offer `o`) from the columns, word for word (type and places aside). */
function requestPasses(index: RequestIndex, ri: number, o: PreparedOffer): boolean {
  const overlapStart = Math.max(index.startDay[ri] as number, o.startDay);
  const overlapEnd = Math.min(index.endDay[ri] as number, o.endDay);
  if (overlapEnd < overlapStart) return false;
  if ((o.requiredMask & ~(index.certificationMask[ri] as number)) !== 0) return false;
  if (o.modeCode === 1) {
    if (index.modeCode[ri] === 0) return false;
    if (
      !o.servesAll &&
      !inMask(o.serveLow, o.serveHigh, index.provinceIndex[ri] as number) &&
      !inMask(index.reachLow[ri] as number, index.reachHigh[ri] as number, o.orgProvinceIndex)
    )
      return false;
  }
  if (o.sizeMask !== 0 && (o.sizeMask & (index.sizeBit[ri] as number)) === 0) return false;
  if (o.sectorMask !== 0 && (o.sectorMask & (index.sectorBit[ri] as number)) === 0) return false;
  return true;
}

/** Add `by` at every position posted under concept `c`. */
function walk(postings: Postings, c: number, into: Float64Array, by: number): void {
  const { start, offers: entries } = postings;
  for (let p = start[c] as number, e = start[c + 1] as number; p < e; p++) {
    const pos = entries[p] as number;
    into[pos] = (into[pos] as number) + by;
  }
}

/**
 * Fill the scratch bins with the open positions of `type` that pass every hard filter against `o`, by
 * their score bound; returns how many pass (the exact eligible count).
 */
function binRequests(
  index: RequestIndex,
  type: RequestTypeIndex,
  o: PreparedOffer,
  w: ResolvedWeights,
): number {
  const { need, profileExact, profileRelated, sectorLevel, open, bound, binOf, order, binStart, binFill } =
    index.scratch;
  const positions = type.requests;
  let count = 0;
  for (let p = 0; p < positions.length; p++) {
    if (requestPasses(index, positions[p] as number, o)) open[count++] = p;
  }
  // Topic numerators, both sides, as the kernel counts them: the offer's topics against the needs
  // (exact +1, related-only +½), and each listed topic against the profile.
  for (const c of conceptsOf(o.topicBits)) walk(type.needs, c, need, 1);
  for (const c of conceptsOf(relatedOnly(o))) walk(type.needs, c, need, RELATED);
  for (let i = 0; i < o.topicKnown.length; i++) {
    const c = o.topicKnown[i] as number;
    walk(type.profile, c, profileExact, 1);
    walk(type.nearProfile, c, profileRelated, 1);
  }
  for (let i = 0; i < o.kbliKeys.length; i++) {
    const key = o.kbliKeys[i] as number;
    const list = type.kbli.get(key);
    if (list === undefined) continue;
    const level = (key / KBLI_LEVEL_FACTOR) | 0;
    for (let q = 0; q < list.length; q++) {
      const pos = list[q] as number;
      if (level > (sectorLevel[pos] as number)) sectorLevel[pos] = level;
    }
  }
  const oSections = sectionBitsOf(o.kbliKeys);
  const unknownTopics = o.topicUnknown.length;
  const saturation = o.topicCount > 0 ? Math.min(o.topicCount, SATURATION) : 0;
  const sizeClass = o.sizeMask === 0 ? LEVELS.sizeClass.open : LEVELS.sizeClass.targeted;
  const umkmConst = w.location * LOCATION_MAX + w.track * o.track;
  const partnerConst = w.sizeClass * sizeClass;
  binStart.fill(0);
  for (let q = 0; q < count; q++) {
    const p = open[q] as number;
    const ri = positions[p] as number;
    const rStart = index.startDay[ri] as number;
    const rEnd = index.endDay[ri] as number;
    const wanted = rEnd - rStart + 1;
    const overlap = Math.min(rEnd, o.endDay) - Math.max(rStart, o.startDay) + 1;
    const dates = wanted > 1e8 ? 1 : overlap / wanted;
    const needCount = index.needCount[ri] as number;
    let topic = 0;
    if (needCount > 0) {
      topic = ((need[p] as number) + Math.min(index.needUnknown[ri] as number, unknownTopics)) / needCount;
      if (topic > 1) topic = 1;
    }
    let partnerTopic: number = PARTNER_TOPIC_OPEN;
    if (saturation > 0) {
      const unk = Math.min(index.profileUnknown[ri] as number, unknownTopics);
      partnerTopic =
        ((profileExact[p] as number) + unk + RELATED * (profileRelated[p] as number)) / saturation;
      if (partnerTopic > 1) partnerTopic = 1;
    }
    let level = sectorLevel[p] as number;
    if (level === 0 && ((index.sectionBits[ri] as number) & oSections) !== 0) level = KBLI_LEVEL.section;
    const sector = o.kbliKeys.length === 0 ? SECTOR_OPEN : (SECTOR_BY_LEVEL[level] as number);
    const language =
      ((index.languageMask[ri] as number) & o.languageMask) !== 0 ? LANGUAGE_SHARED : LANGUAGE_NONE;
    const forUmkm = w.topic * topic + w.dates * dates + w.language * language + umkmConst;
    const forPartner = w.partnerTopic * partnerTopic + w.sector * sector + partnerConst;
    const fit =
      w.balance === 0.5
        ? Math.sqrt(forUmkm * forPartner)
        : forUmkm ** w.balance * forPartner ** (1 - w.balance);
    // The request's impact is known exactly: bin by the score bound.
    const b = combineScore(Math.min(1, fit), index.impact[ri] as number);
    bound[p] = b;
    const slot = b >= 1 ? 0 : BINS - 1 - Math.floor(b * BINS);
    binOf[p] = slot;
    binStart[slot] = (binStart[slot] as number) + 1;
  }
  const used = positions.length;
  need.fill(0, 0, used);
  profileExact.fill(0, 0, used);
  profileRelated.fill(0, 0, used);
  sectorLevel.fill(0, 0, used);
  placeInBins(binStart, binFill, binOf, open, count, order);
  return count;
}

/**
 * Rank the indexed requests for one offer (the partner's candidates): exactly
 * `rankRequests(offer, index.requests, options)` without the excluded list.
 *
 * @example
 * rankIndexedRequests(offer, index, { limit: 20 }).ranked[0]?.requestId;
 */
export function rankIndexedRequests(
  offer: MatchOffer | PreparedOffer,
  index: RequestIndex,
  options: IndexedRankOptions = {},
  delta?: IndexDelta<PreparedRequest>,
): RequestRanking {
  const o = asOffer(offer);
  const w = resolveWeights();
  const requests = index.requests;
  const stale = delta?.stale;
  const type = index.types[o.typeCode];
  const positions = type?.requests ?? new Int32Array(0);
  let eligible = 0;
  if (type !== undefined && positions.length > 0 && o.remaining > 0) {
    const binned = binRequests(index, type, o, w);
    const order = index.scratch.order;
    for (let q = 0; q < binned; q++)
      if (stale === undefined || stale[positions[order[q] as number] as number] === 0) eligible++;
  } else index.scratch.binStart.fill(0);
  const ranking = topOf(
    requests,
    delta,
    eligible,
    options,
    (r) => scorePrepared(r, o, w, null),
    (top, skip) =>
      scanBins(
        index.scratch,
        top,
        (score) => score,
        (p) => scorePrepared(requests[positions[p] as number] as PreparedRequest, o, w, null),
        (p) => positions[p] as number,
        skip,
      ),
  );
  const ranked: RankedRequest[] = ranking.top.map((r, rank) => ({
    ...(explainPrepared(r, o, w) as EligiblePairScore),
    requestId: r.source.id,
    rank: rank + 1,
  }));
  return { ranked, eligibleCount: ranking.eligible };
}
