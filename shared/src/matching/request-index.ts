/**
 * The open requests of a catalogue, indexed for candidate reads (one offer against every request of its
 * type): exactly {@link rankRequests}' answer (same entries, scores, order and `eligibleCount`) while
 * touching only part of the type on each read.
 *
 * A read, for an offer of a type with n requests:
 *
 * 1. **Which requests the offer admits, as a bitset** (bitset.ts): the union of the per-value sets the
 *    offer's size classes, sectors, certificates and reach admit, ANDed with the date sets. A few dozen
 *    word-wide passes of n/32 words; the popcount is the exact `eligibleCount`.
 * 2. **Bounds where the offer's words land in the needs, best topic share first.** Walking the needs'
 *    posting lists of the offer's concepts, its KBLI keys and unknown words gives the reached requests'
 *    UMKM-side topic counts and sector level. Each reached, admitted request is put on a topic level
 *    (its topic share in steps of 1/64: a few operations). The top levels holding ~8× the entries
 *    wanted get the exact bound from the kernel's own terms (the partner side's topic counts read from
 *    the request's profile bits; shared unknown words taken at the shorter list) and are scored best
 *    bound first; the k-th score they reach then decides how far down the levels the bound goes: a
 *    level whose ceiling (every other term and the type's highest impact at their best) is below it
 *    cannot hold a better request. At 50,000 requests an offer reaches ~13,000 on average; ~1,500 get
 *    a bound.
 * 3. **The rest, only when a request sharing no need could still make the top.** Every request step 2
 *    did not reach has a UMKM-side topic share of 0; when the ceiling at share 0 is below the k-th best
 *    score (most reads), the read ends here. Otherwise the profiles' postings of the offer's topics are
 *    walked, the requests only they reach are bounded as in step 2, and what no word reaches (no topic
 *    credit on either side, no sector credit below the section level) follows a static order: bounds
 *    that do not depend on the offer, binned once per index (one order for offers with topics, one
 *    without) and walked from the top until they fall below the k-th best score.
 *
 * Step 2's walk stays linear in the postings the offer's words reach (a few operations each); steps 1
 * and 3 cost a small fraction of a pass over the type.
 *
 * @example
 * const index = indexRequests(openRequests.map(prepareRequest));
 * rankIndexedRequests(offer, index, { limit: 20 }).ranked[0]?.requestId;
 */
import {
  type AtLeast,
  atLeast,
  type Bitset,
  bitset,
  countBits,
  hasBit,
  intersect,
  intersectAtLeast,
  setBit,
  unionAdmitted,
  unite,
  type ValueSets,
  valueSets,
} from './bitset';
import {
  type Binned,
  byType,
  type IndexDelta,
  type IndexedRankOptions,
  type IndexSteps,
  runSteps,
  scanBins,
  topOf,
} from './catalog-index';
import { explainPrepared } from './explain';
import { KBLI_LEVEL, KBLI_LEVEL_FACTOR } from './kbli';
import { combineScore, impactOf, locationOf, resolveWeights, SECTOR_BY_LEVEL, scorePrepared } from './kernel';
import { inMask, type PreparedOffer, type PreparedRequest } from './prepare';
import { asOffer, type RankedRequest, type RequestRanking } from './rank';
import {
  BINS,
  binOfBound,
  bitPostingSteps,
  conceptsOf,
  kbliPostings,
  keyPostings,
  LOCATION_MAX,
  MARGIN,
  type Postings,
  placeInBins,
  postingLists,
  sectionBitsOf,
} from './shortlist';
import type { EligiblePairScore, MatchOffer } from './types';
import { CONCEPT_BITSET_WORDS } from './vocabulary';
import { LEVELS } from './weights';

// Module-local copies of the level constants, read per entry in the bound pass (why: kernel.ts).
const RELATED = LEVELS.relatedConcept;
const PARTNER_TOPIC_OPEN = LEVELS.partnerTopicOpen;
const SATURATION = LEVELS.partnerTopicSaturation;
const SECTOR_OPEN = LEVELS.sector.open;
const SECTOR_BEST = Math.max(SECTOR_OPEN, ...SECTOR_BY_LEVEL);
const LANGUAGE_SHARED = LEVELS.language.shared;
const LANGUAGE_NONE = LEVELS.language.none;

/**
 * Topic levels: a reached request's UMKM-side topic share, in steps of 1/64. The exact bound is computed
 * for the top levels first; the threshold their scores set decides how far down the rest is bounded.
 */
const TOPIC_LEVELS = 64;
/** Reached requests bounded before the first threshold is read: this many times the entries wanted. */
const FIRST_BATCH_PER_ENTRY = 8;
/** The list after the topic levels: positions only the profiles' postings reach (see touchProfiles). */
const PROFILE_ONLY = TOPIC_LEVELS;
/** Words of a position's row in {@link RequestTypeIndex.profileRows}: profile bits, then related bits. */
const PROFILE_ROW = 2 * CONCEPT_BITSET_WORDS;

/** The fields of a request's row in {@link RequestTypeIndex.rows}, as int offsets. */
const Row = {
  startDay: 0,
  endDay: 1,
  needCount: 2,
  needUnknown: 3,
  profileUnknown: 4,
  languageMask: 5,
  sectionBits: 6,
  modeCode: 7,
  provinceIndex: 8,
  cityKey: 9,
  reachLow: 10,
  reachHigh: 11,
} as const;
/** Ints per row (64 bytes), and the impact's float64 slot in it (ints 12–13). */
const ROW = 16;
const ROW_IMPACT = 6;

/**
 * The kinds of offer a request's static bound is taken for: one with topics (a request its words miss
 * gets no topic credit on either side) and one without (the partner side's topic term is then open).
 */
const OfferKind = { Topics: 0, NoTopics: 1 } as const;
type OfferKind = (typeof OfferKind)[keyof typeof OfferKind];

function kindOf(o: PreparedOffer): OfferKind {
  return o.topicCount > 0 ? OfferKind.Topics : OfferKind.NoTopics;
}

/** One type's requests: posting lists, filter bitsets and the bound's columns, by position in the type. */
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
  /** Words the vocabulary does not know (needs, profile) → positions. */
  readonly unknownNeeds: Map<number, Int32Array>;
  readonly unknownProfile: Map<number, Int32Array>;
  // Hard filters (kernel.ts, scorePrepared), as bitsets.
  /** Requests whose own period is not inverted (the date filter's overlap needs it). */
  readonly valid: Bitset;
  readonly startsBy: AtLeast; // over −startDay: start ≤ the offer's end
  readonly endsBy: AtLeast; // over endDay: end ≥ the offer's start
  readonly certificates: ValueSets;
  readonly sizes: ValueSets;
  readonly sectors: ValueSets;
  readonly provinces: ValueSets;
  /** Requests that accept offline participation. */
  readonly offline: Bitset;
  /** Per province index (0–63): requests that can travel there. */
  readonly reaches: readonly Bitset[];
  /**
   * The exact bound's per-request terms, one row of {@link ROW} ints per position (see {@link Row}):
   * the bound reads a few hundred scattered positions, and a row is one cache line where columns
   * would be a dozen.
   */
  readonly rows: Int32Array;
  /** The same rows as float64s, for the impact at {@link ROW_IMPACT}. */
  readonly rowFloats: Float64Array;
  /**
   * Each position's profile concepts and the concepts related to them, as bitsets side by side
   * ({@link PROFILE_ROW} words a position): the partner side's topic counts of the few positions that
   * get a bound, read here instead of walking every posting of the offer's topics in the profiles.
   */
  readonly profileRows: Uint32Array;
  // Columns read position by position in order (the topic levels, the static bins).
  readonly needUnknown: Int32Array;
  /** TOPIC_LEVELS / needCount (0 without needs): a topic numerator times this is its level, unfloored. */
  readonly levelScale: Float64Array;
  readonly sectionBits: Int32Array;
  readonly impact: Float64Array;
  /** The highest impact of any request of the type. */
  readonly impactMax: number;
  /** Per {@link OfferKind}: the positions binned by their bound when the offer's words miss them. */
  readonly untouched: readonly Binned[];
}

/** A catalogue's prepared requests, indexed for {@link rankIndexedRequests}. Read-only after building. */
export interface RequestIndex {
  readonly kind: 'request-index';
  readonly requests: readonly PreparedRequest[];
  readonly types: readonly RequestTypeIndex[];
  /** Each request's position within its type. */
  readonly positionOf: Int32Array;
  /** Scratch per position of the largest type, all-zero between reads. */
  readonly scratch: {
    /**
     * How many of the offer's concepts each reached position lists among its needs, exactly and as
     * related concepts. Counts, in 16 bits, so the arrays stay in the core's cache while the posting
     * lists scatter into them.
     */
    readonly needExact: Uint16Array;
    readonly needRelated: Uint16Array;
    readonly sectorLevel: Uint8Array;
    /**
     * The reached, admitted positions by topic level (see {@link TOPIC_LEVELS}): `reached[q]` is a
     * position, `nextInLevel[q]` the entry after q in its level (−1 at the end), `levelHead` each
     * level's first entry (−1 when empty) and `levelCount` its size. One more list after the levels,
     * {@link PROFILE_ONLY}, holds the positions only the profiles' postings reach.
     */
    readonly reached: Int32Array;
    readonly nextInLevel: Int32Array;
    readonly levelHead: Int32Array;
    readonly levelCount: Int32Array;
    /** Positions the offer's words reach. */
    readonly touched: Bitset;
    readonly admitted: Bitset;
    readonly union: Bitset;
    readonly bins: {
      readonly order: Int32Array;
      readonly bound: Float64Array;
      readonly binOf: Int32Array;
      readonly binStart: Int32Array;
      readonly binFill: Int32Array;
      readonly list: Int32Array;
    };
  };
}

/** `order`/`binStart` of `count` entries of `list` by score bound (best bin first). */
function binByBound(
  bound: Float64Array,
  list: Int32Array,
  count: number,
  into: { binOf: Int32Array; binStart: Int32Array; binFill: Int32Array; order: Int32Array },
): void {
  const { binOf, binStart, binFill, order } = into;
  binStart.fill(0);
  for (let q = 0; q < count; q++) {
    const p = list[q] as number;
    const b = bound[p] as number;
    const slot = binOfBound(b);
    binOf[p] = slot;
    binStart[slot] = (binStart[slot] as number) + 1;
  }
  placeInBins(binStart, binFill, binOf, list, count, order);
}

/**
 * Each position's score bound against any offer of `kind` whose words reach none of its concepts, KBLI
 * keys or unknown words: no topic credit on either side, dates and language at their best, location,
 * track and size class at their best, sector at the section level where the request names a section.
 */
function untouchedBins(t: Omit<RequestTypeIndex, 'untouched'>, kind: OfferKind): Binned {
  const w = resolveWeights();
  const n = t.requests.length;
  const bound = new Float64Array(n);
  // No topic term on the UMKM's side; the rest at its best.
  const forUmkm =
    w.dates + w.language * Math.max(LANGUAGE_SHARED, LANGUAGE_NONE) + w.location * LOCATION_MAX + w.track;
  const partnerTopic = kind === OfferKind.NoTopics ? PARTNER_TOPIC_OPEN : 0;
  const partnerConst =
    w.partnerTopic * partnerTopic + w.sizeClass * Math.max(LEVELS.sizeClass.open, LEVELS.sizeClass.targeted);
  for (let p = 0; p < n; p++) {
    const section = (t.sectionBits[p] as number) !== 0 ? KBLI_LEVEL.section : 0;
    const sector = Math.max(SECTOR_OPEN, SECTOR_BY_LEVEL[section] as number);
    const forPartner = w.sector * sector + partnerConst;
    const fit =
      w.balance === 0.5
        ? Math.sqrt(forUmkm * forPartner)
        : forUmkm ** w.balance * forPartner ** (1 - w.balance);
    bound[p] = combineScore(Math.min(1, fit), t.impact[p] as number);
  }
  const all = Int32Array.from({ length: n }, (_, p) => p);
  const into = {
    binOf: new Int32Array(n),
    binStart: new Int32Array(BINS + 1),
    binFill: new Int32Array(BINS),
    order: new Int32Array(n),
  };
  binByBound(bound, all, n, into);
  return { order: into.order, binStart: into.binStart, bound };
}

/** One type's index, built pass by pass: it yields after each pass (see {@link IndexSteps}). */
function* indexType(
  requests: readonly PreparedRequest[],
  positions: Int32Array,
): IndexSteps<RequestTypeIndex> {
  const w = resolveWeights();
  const n = positions.length;
  const at = (p: number) => requests[positions[p] as number] as PreparedRequest;
  const column = (of: (r: PreparedRequest) => number) => {
    const values = new Int32Array(n);
    for (let p = 0; p < n; p++) values[p] = of(at(p));
    return values;
  };
  const valid = bitset(n);
  const offline = bitset(n);
  const reaches = Array.from({ length: 64 }, () => bitset(n));
  for (let p = 0; p < n; p++) {
    const r = at(p);
    if (r.startDay <= r.endDay) setBit(valid, p);
    if (r.modeCode !== 0) setBit(offline, p);
    for (let rest = r.reachLow; rest !== 0; rest &= rest - 1)
      setBit(reaches[31 - Math.clz32(rest & -rest)] as Bitset, p);
    for (let rest = r.reachHigh; rest !== 0; rest &= rest - 1)
      setBit(reaches[63 - Math.clz32(rest & -rest)] as Bitset, p);
  }
  yield;
  const needs = postingLists(n, (p) => at(p).needKnown);
  yield;
  const profile = yield* bitPostingSteps(n, (p) => at(p).profileBits);
  yield;
  const nearProfile = yield* bitPostingSteps(
    n,
    (p) => at(p).profileRelatedBits,
    (p) => at(p).profileBits,
  );
  yield;
  const kbli = kbliPostings(requests, positions);
  yield;
  const unknownNeeds = keyPostings(n, (p) => at(p).needUnknown);
  const unknownProfile = keyPostings(n, (p) => at(p).profileUnknown);
  yield;
  const startsBy = atLeast(n, (p) => -at(p).startDay);
  const endsBy = atLeast(n, (p) => at(p).endDay);
  yield;
  const sets = {
    certificates: valueSets(n, (p) => at(p).certificationMask),
    sizes: valueSets(n, (p) => at(p).sizeBit),
    sectors: valueSets(n, (p) => at(p).sectorBit),
    provinces: valueSets(n, (p) => at(p).provinceIndex),
  };
  yield;
  const impact = Float64Array.from({ length: n }, (_, p) => impactOf(at(p), w));
  yield;
  const columns = {
    needUnknown: column((r) => r.needUnknown.length),
    sectionBits: column((r) => sectionBitsOf(r.kbliKeys)),
    impact,
    levelScale: Float64Array.from({ length: n }, (_, p) => {
      const needs = at(p).needCount;
      return needs === 0 ? 0 : TOPIC_LEVELS / needs;
    }),
  };
  const impactMax = columns.impact.reduce((a, b) => Math.max(a, b), 0);
  yield;
  const rows = new Int32Array(n * ROW);
  const rowFloats = new Float64Array(rows.buffer);
  for (let p = 0; p < n; p++) {
    const r = at(p);
    const row = p * ROW;
    rows[row + Row.startDay] = r.startDay;
    rows[row + Row.endDay] = r.endDay;
    rows[row + Row.needCount] = r.needCount;
    rows[row + Row.needUnknown] = r.needUnknown.length;
    rows[row + Row.profileUnknown] = r.profileUnknown.length;
    rows[row + Row.languageMask] = r.languageMask;
    rows[row + Row.sectionBits] = columns.sectionBits[p] as number;
    rows[row + Row.modeCode] = r.modeCode;
    rows[row + Row.provinceIndex] = r.provinceIndex;
    rows[row + Row.cityKey] = r.cityKey;
    rows[row + Row.reachLow] = r.reachLow;
    rows[row + Row.reachHigh] = r.reachHigh;
    rowFloats[row / 2 + ROW_IMPACT] = columns.impact[p] as number;
  }
  const profileRows = new Uint32Array(n * PROFILE_ROW);
  for (let p = 0; p < n; p++) {
    const r = at(p);
    profileRows.set(r.profileBits, p * PROFILE_ROW);
    profileRows.set(r.profileRelatedBits, p * PROFILE_ROW + CONCEPT_BITSET_WORDS);
  }
  yield;
  const base = {
    requests: positions,
    ...{ needs, profile, nearProfile, kbli, unknownNeeds, unknownProfile },
    ...{ valid, startsBy, endsBy, offline, reaches },
    ...sets,
    ...columns,
    rows,
    rowFloats,
    profileRows,
    impactMax,
  };
  const untouched: Binned[] = [];
  for (const kind of [OfferKind.Topics, OfferKind.NoTopics]) {
    untouched.push(untouchedBins(base, kind));
    yield;
  }
  return { ...base, untouched };
}

/**
 * Index prepared requests (any types) for {@link rankIndexedRequests}.
 *
 * @example
 * const index = indexRequests(openRequests.map(prepareRequest));
 */
export function indexRequests(requests: readonly PreparedRequest[]): RequestIndex {
  return runSteps(indexRequestsInSteps(requests));
}

/**
 * {@link indexRequests} one pass at a time (~10–60 ms each at 50,000 requests of a type), for a caller
 * that builds a new index in the background between reads (functions/src/catalog).
 */
export function* indexRequestsInSteps(requests: readonly PreparedRequest[]): IndexSteps<RequestIndex> {
  const typePositions = byType(requests);
  const positionOf = new Int32Array(requests.length);
  for (const positions of typePositions) for (const [p, ri] of positions.entries()) positionOf[ri] = p;
  const largest = Math.max(0, ...typePositions.map((t) => t.length));
  const types: RequestTypeIndex[] = [];
  for (const positions of typePositions) types.push(yield* indexType(requests, positions));
  return {
    kind: 'request-index',
    requests,
    types,
    positionOf,
    scratch: {
      needExact: new Uint16Array(largest),
      needRelated: new Uint16Array(largest),
      sectorLevel: new Uint8Array(largest),
      reached: new Int32Array(largest),
      nextInLevel: new Int32Array(largest),
      levelHead: new Int32Array(TOPIC_LEVELS + 1),
      levelCount: new Int32Array(TOPIC_LEVELS + 1),
      touched: bitset(largest),
      admitted: bitset(largest),
      union: bitset(largest),
      bins: {
        order: new Int32Array(largest),
        bound: new Float64Array(largest),
        binOf: new Int32Array(largest),
        binStart: new Int32Array(BINS + 1),
        binFill: new Int32Array(BINS),
        list: new Int32Array(largest),
      },
    },
  };
}

/**
 * Fill `admitted` (its first words) with the positions of `t` that pass the kernel's hard filters against
 * `o` other than type and places (scorePrepared, word for word) and return how many.
 */
function admit(t: RequestTypeIndex, o: PreparedOffer, admitted: Bitset, union: Bitset): number {
  const words = t.valid.length;
  const all = admitted.subarray(0, words);
  const some = union.subarray(0, words);
  if (o.endDay < o.startDay) return 0;
  all.set(t.valid);
  intersectAtLeast(t.startsBy, -o.endDay, all);
  intersectAtLeast(t.endsBy, o.startDay, all);
  const restrict = (fill: (into: Bitset) => void) => {
    some.fill(0);
    fill(some);
    intersect(all, some);
  };
  if (o.requiredMask !== 0)
    restrict((into) => unionAdmitted(t.certificates, (mask) => (o.requiredMask & ~mask) === 0, into));
  if (o.modeCode === 1) {
    intersect(all, t.offline);
    if (!o.servesAll)
      restrict((into) => {
        unionAdmitted(t.provinces, (province) => inMask(o.serveLow, o.serveHigh, province), into);
        const reach = t.reaches[o.orgProvinceIndex];
        if (reach !== undefined) unite(into, reach);
      });
  }
  if (o.sizeMask !== 0) restrict((into) => unionAdmitted(t.sizes, (bit) => (o.sizeMask & bit) !== 0, into));
  if (o.sectorMask !== 0)
    restrict((into) => unionAdmitted(t.sectors, (bit) => (o.sectorMask & bit) !== 0, into));
  return countBits(all);
}

/**
 * Walk the offer's posting lists on the UMKM side into the scratch: topic numerators, sector level, and
 * every position its concepts (among the needs), KBLI keys or unknown words reach. The profiles'
 * postings are walked only when a read needs them ({@link touchProfiles}).
 */
function touch(t: RequestTypeIndex, o: PreparedOffer, scratch: RequestIndex['scratch']): void {
  const { needExact, needRelated, sectorLevel, touched } = scratch;
  const walk = (postings: Postings, c: number, into: Uint16Array) => {
    const { start, offers: entries } = postings;
    for (let q = start[c] as number, e = start[c + 1] as number; q < e; q++) {
      const p = entries[q] as number;
      into[p] = (into[p] as number) + 1;
      setBit(touched, p);
    }
  };
  for (const c of conceptsOf(o.topicBits)) walk(t.needs, c, needExact);
  for (const c of conceptsOf(o.topicRelatedBits, o.topicBits)) walk(t.needs, c, needRelated);
  // Shared unknown words: the bound counts them at the shorter list, so only who shares one is noted.
  for (let i = 0; i < o.topicUnknown.length; i++) {
    const word = o.topicUnknown[i] as number;
    for (const list of [t.unknownNeeds.get(word), t.unknownProfile.get(word)])
      for (const p of list ?? []) setBit(touched, p);
  }
  for (let i = 0; i < o.kbliKeys.length; i++) {
    const key = o.kbliKeys[i] as number;
    const list = t.kbli.get(key);
    if (list === undefined) continue;
    const level = (key / KBLI_LEVEL_FACTOR) | 0;
    for (let q = 0; q < list.length; q++) {
      const p = list[q] as number;
      if (level > (sectorLevel[p] as number)) sectorLevel[p] = level;
      setBit(touched, p);
    }
  }
}

/**
 * Walk the profiles' postings of the offer's topics and list, after the topic levels (in
 * {@link PROFILE_ONLY}), the admitted positions they reach that {@link touch} did not; returns the new
 * count of listed positions. Those positions' needs share nothing with the offer.
 */
function touchProfiles(
  t: RequestTypeIndex,
  o: PreparedOffer,
  scratch: RequestIndex['scratch'],
  listed: number,
): number {
  const { touched, admitted } = scratch;
  let count = listed;
  for (let i = 0; i < o.topicKnown.length; i++) {
    const c = o.topicKnown[i] as number;
    for (const { start, offers: entries } of [t.profile, t.nearProfile])
      for (let q = start[c] as number, e = start[c + 1] as number; q < e; q++) {
        const p = entries[q] as number;
        if (hasBit(touched, p)) continue;
        setBit(touched, p);
        if (hasBit(admitted, p)) count = enlist(scratch, PROFILE_ONLY, count, p);
      }
  }
  return count;
}

/**
 * The UMKM side's topic numerator of a reached request: its needs the offer's concepts meet, exactly and
 * as related concepts, plus shared unknown words at the shorter list.
 */
function needsMet(exact: number, related: number, unknownNeeds: number, unknownTopics: number): number {
  return exact + RELATED * related + Math.min(unknownNeeds, unknownTopics);
}

/** The UMKM side's topic share of a reached request: {@link needsMet} over its needs. */
function topicShare(met: number, needCount: number): number {
  return needCount === 0 ? 0 : Math.min(met / needCount, 1);
}

/** Put `p` at `at` in the scratch's list of `level` (see RequestIndex.scratch.reached); returns at + 1. */
function enlist(scratch: RequestIndex['scratch'], level: number, at: number, p: number): number {
  const { reached, nextInLevel, levelHead, levelCount } = scratch;
  reached[at] = p;
  nextInLevel[at] = levelHead[level] as number;
  levelHead[level] = at;
  levelCount[level] = (levelCount[level] as number) + 1;
  return at + 1;
}

/**
 * List the reached, admitted positions by their topic level (scratch.reached, nextInLevel, levelHead,
 * levelCount) and return how many there are: a few operations each, where the exact bound takes dozens.
 */
function levelTouched(t: RequestTypeIndex, o: PreparedOffer, scratch: RequestIndex['scratch']): number {
  const { needExact, needRelated, touched, admitted, levelHead, levelCount } = scratch;
  const { levelScale, needUnknown } = t;
  const unknownTopics = o.topicUnknown.length;
  levelHead.fill(-1);
  levelCount.fill(0);
  // Only the topic levels: PROFILE_ONLY is filled by touchProfiles, after them.
  let count = 0;
  for (let word = 0; word < t.valid.length; word++) {
    for (let rest = (touched[word] as number) & (admitted[word] as number); rest !== 0; rest &= rest - 1) {
      const p = (word << 5) + 31 - Math.clz32(rest & -rest);
      // topicShare × TOPIC_LEVELS, with the division taken once per index (levelScale); needsMet, with
      // the unknown words read only when the offer has some (most have none; measured ~3 % of a read).
      let met = (needExact[p] as number) + RELATED * (needRelated[p] as number);
      if (unknownTopics > 0) met += Math.min(needUnknown[p] as number, unknownTopics);
      const scaled = met * (levelScale[p] as number);
      count = enlist(scratch, scaled >= TOPIC_LEVELS ? TOPIC_LEVELS - 1 : scaled | 0, count, p);
    }
  }
  return count;
}

/**
 * The highest score bound a reached request of topic share at most `share` can have against `o`: every
 * term but the UMKM side's topic at its best, and the type's highest impact. Increasing in `share`.
 */
function topicCeiling(t: RequestTypeIndex, o: PreparedOffer): (share: number) => number {
  const w = resolveWeights();
  const forUmkmRest =
    w.location * LOCATION_MAX +
    w.dates +
    w.language * Math.max(LANGUAGE_SHARED, LANGUAGE_NONE) +
    w.track * o.track;
  const partnerTopic = o.topicCount > 0 ? 1 : PARTNER_TOPIC_OPEN;
  const sector = o.kbliKeys.length === 0 ? SECTOR_OPEN : SECTOR_BEST;
  const sizeClass = o.sizeMask === 0 ? LEVELS.sizeClass.open : LEVELS.sizeClass.targeted;
  const forPartner = w.partnerTopic * partnerTopic + w.sector * sector + w.sizeClass * sizeClass;
  return (share) => {
    const forUmkm = w.topic * share + forUmkmRest;
    const fit =
      w.balance === 0.5
        ? Math.sqrt(forUmkm * forPartner)
        : forUmkm ** w.balance * forPartner ** (1 - w.balance);
    return combineScore(Math.min(1, fit), t.impactMax);
  };
}

/**
 * Bin the reached positions of topic levels [lowest, below) by their score bound: the kernel's own terms
 * (dates, language, location, track, sector, topic numerators), with shared unknown words at the shorter
 * list (a bound). A level's positions come last first, so its rows are read in one direction.
 *
 * The bound reads each position's row and profile row, scattered over megabytes: mostly cache misses.
 * It lists the positions first and touches their rows in a loop of a few operations a position, whose
 * misses overlap, so the bound's loop then finds them in cache. Measured in the load harness's server at
 * 100,000 requests, with clearScratch's fills: 2.7–2.9 → 2.1–2.4 ms of CPU per candidate call.
 */
function binTouched(
  t: RequestTypeIndex,
  o: PreparedOffer,
  scratch: RequestIndex['scratch'],
  lowest: number,
  below: number,
): void {
  const w = resolveWeights();
  const { needExact, needRelated, sectorLevel, reached, nextInLevel, levelHead } = scratch;
  const { bins } = scratch;
  const { bound, list } = bins;
  const oSections = sectionBitsOf(o.kbliKeys);
  const unknownTopics = o.topicUnknown.length;
  const saturation = o.topicCount > 0 ? Math.min(o.topicCount, SATURATION) : 0;
  const sizeClass = o.sizeMask === 0 ? LEVELS.sizeClass.open : LEVELS.sizeClass.targeted;
  const partnerConst = w.sizeClass * sizeClass;
  const { rows, rowFloats, profileRows } = t;
  // The offer's known topics as (word, bit) in a profile row, for the kernel's partner-side counts.
  const topics = o.topicKnown;
  const firstWord = topics.length > 0 ? (topics[0] as number) >>> 5 : 0;
  // The positions first, then one load from each line of the rows they will read: these loads do not
  // depend on one another, so their misses overlap, where the bound's own loop (dozens of operations a
  // position) would wait for each in turn. Their sum goes to scratch (binByBound overwrites it) only so
  // that the loads cannot be dropped.
  let binned = 0;
  for (let level = lowest; level < below; level++)
    for (let q = levelHead[level] as number; q >= 0; q = nextInLevel[q] as number)
      list[binned++] = reached[q] as number;
  let warm = 0;
  for (let i = 0; i < binned; i++) {
    const p = list[i] as number;
    warm +=
      (rows[p * ROW] as number) +
      (rows[p * ROW + ROW - 1] as number) +
      (profileRows[p * PROFILE_ROW + firstWord] as number) +
      (profileRows[p * PROFILE_ROW + CONCEPT_BITSET_WORDS + firstWord] as number);
  }
  bins.binFill[0] = warm;
  for (let k = 0; k < binned; k++) {
    const p = list[k] as number;
    const row = p * ROW;
    const rStart = rows[row + Row.startDay] as number;
    const rEnd = rows[row + Row.endDay] as number;
    const wanted = rEnd - rStart + 1;
    const overlap = Math.min(rEnd, o.endDay) - Math.max(rStart, o.startDay) + 1;
    const dates = wanted > 1e8 ? 1 : overlap / wanted;
    const topic = topicShare(
      needsMet(
        needExact[p] as number,
        needRelated[p] as number,
        rows[row + Row.needUnknown] as number,
        unknownTopics,
      ),
      rows[row + Row.needCount] as number,
    );
    let partnerTopic: number = PARTNER_TOPIC_OPEN;
    if (saturation > 0) {
      // As the kernel counts them: a topic in the profile is exact, else related to it is related.
      const profileRow = p * PROFILE_ROW;
      let exact = Math.min(rows[row + Row.profileUnknown] as number, unknownTopics);
      let related = 0;
      for (let i = 0; i < topics.length; i++) {
        const c = topics[i] as number;
        const at = profileRow + (c >>> 5);
        const bit = 1 << (c & 31);
        if (((profileRows[at] as number) & bit) !== 0) exact++;
        else if (((profileRows[at + CONCEPT_BITSET_WORDS] as number) & bit) !== 0) related++;
      }
      partnerTopic = (exact + RELATED * related) / saturation;
      if (partnerTopic > 1) partnerTopic = 1;
    }
    let level = sectorLevel[p] as number;
    if (level === 0 && ((rows[row + Row.sectionBits] as number) & oSections) !== 0)
      level = KBLI_LEVEL.section;
    const sector = o.kbliKeys.length === 0 ? SECTOR_OPEN : (SECTOR_BY_LEVEL[level] as number);
    const language =
      ((rows[row + Row.languageMask] as number) & o.languageMask) !== 0 ? LANGUAGE_SHARED : LANGUAGE_NONE;
    const location = locationOf(
      o,
      rows[row + Row.modeCode] as number,
      rows[row + Row.provinceIndex] as number,
      rows[row + Row.cityKey] as number,
      rows[row + Row.reachLow] as number,
      rows[row + Row.reachHigh] as number,
    );
    const forUmkm =
      w.topic * topic + w.location * location + w.dates * dates + w.language * language + w.track * o.track;
    const forPartner = w.partnerTopic * partnerTopic + w.sector * sector + partnerConst;
    const fit =
      w.balance === 0.5
        ? Math.sqrt(forUmkm * forPartner)
        : forUmkm ** w.balance * forPartner ** (1 - w.balance);
    bound[p] = combineScore(Math.min(1, fit), rowFloats[row / 2 + ROW_IMPACT] as number);
  }
  binByBound(bound, list, binned, bins);
}

/**
 * Zero what a read left in the scratch: the sums of the type's positions and the words it used. One
 * `fill` each (a memset of ~250 kB at 50,000 positions) costs less than visiting the ~13,000 reached
 * positions one by one.
 */
function clearScratch(t: RequestTypeIndex, scratch: RequestIndex['scratch']): void {
  const n = t.requests.length;
  scratch.needExact.fill(0, 0, n);
  scratch.needRelated.fill(0, 0, n);
  scratch.sectorLevel.fill(0, 0, n);
  scratch.touched.fill(0, 0, t.valid.length);
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
  const { requests, scratch } = index;
  const type = index.types[o.typeCode];
  const positions = type?.requests ?? new Int32Array(0);
  const score = (r: PreparedRequest) => scorePrepared(r, o, w, null);
  let eligible = 0;
  let touched = false;
  let reached = 0;
  if (type !== undefined && positions.length > 0 && o.remaining > 0) {
    eligible = admit(type, o, scratch.admitted, scratch.union);
    for (const ri of delta?.staleAt ?? []) {
      const r = requests[ri] as PreparedRequest;
      if (r.typeCode === o.typeCode && hasBit(scratch.admitted, index.positionOf[ri] as number)) eligible--;
    }
    if (eligible > 0) {
      touch(type, o, scratch);
      reached = levelTouched(type, o, scratch);
      touched = true;
    }
  }
  const scoreAt = (p: number) => score(requests[positions[p] as number] as PreparedRequest);
  const entry = (p: number) => positions[p] as number;
  const ranking = topOf(requests, delta, eligible, options, score, (top, stale) => {
    if (type === undefined || eligible === 0) return;
    const { admitted, levelCount } = scratch;
    const ceiling = topicCeiling(type, o);
    if (reached > 0) {
      // The reached requests of the top topic levels first: their scores set the k-th best to beat.
      let cut = TOPIC_LEVELS;
      for (let taken = 0; cut > 0 && taken < FIRST_BATCH_PER_ENTRY * top.k; )
        taken += levelCount[--cut] as number;
      binTouched(type, o, scratch, cut, TOPIC_LEVELS);
      scanBins(scratch.bins, top, (bound) => bound, scoreAt, entry, stale);
      // Then the levels whose ceiling still reaches it; below them no reached request can.
      let lowest = cut;
      while (
        lowest > 0 &&
        (!top.full || ceiling(Math.min(1, lowest / TOPIC_LEVELS)) + MARGIN >= top.worstScore)
      )
        lowest--;
      if (lowest < cut) {
        binTouched(type, o, scratch, lowest, cut);
        scanBins(scratch.bins, top, (bound) => bound, scoreAt, entry, stale);
      }
    }
    // Every request left shares no need with the offer: none can beat the k-th best when a topic share
    // of 0 cannot (most reads stop here, without the profiles' postings or the static order).
    if (top.full && ceiling(0) + MARGIN < top.worstScore) return;
    // Else the requests only the profiles reach, bounded like the others, …
    const listed = touchProfiles(type, o, scratch, reached);
    if (listed > reached) {
      binTouched(type, o, scratch, PROFILE_ONLY, PROFILE_ONLY + 1);
      scanBins(scratch.bins, top, (bound) => bound, scoreAt, entry, stale);
    }
    // … then the rest, by the static bound of this kind of offer: skip what was scored or is refused.
    scanBins(
      type.untouched[kindOf(o)] as Binned,
      top,
      (bound) => bound,
      (p) => (hasBit(scratch.touched, p) || !hasBit(admitted, p) ? -1 : scoreAt(p)),
      entry,
      stale,
    );
  });
  if (touched && type !== undefined) clearScratch(type, scratch);
  const ranked: RankedRequest[] = ranking.top.map((r, rank) => ({
    ...(explainPrepared(r, o, w) as EligiblePairScore),
    requestId: r.source.id,
    rank: rank + 1,
  }));
  return { ranked, eligibleCount: ranking.eligible };
}
