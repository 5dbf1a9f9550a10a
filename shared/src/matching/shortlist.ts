/**
 * Shortlists for allocation: a request's best `k` offers of its own type, in the UMKM's order (fit desc,
 * offer index asc), computed *exactly* while running the full kernel on only a small share of the pairs.
 *
 * Why: a 20,000 × 2,000 round has ~15 million same-type pairs, and one kernel call costs a few hundred
 * nanoseconds — scoring them all is several seconds, while a request only ever looks at its first couple of
 * dozen offers. So each scan is a bounded top-k search:
 *
 * 1. **Upper bound per pair, from posting lists.** Per round, every offer of a type is entered in posting
 *    lists keyed by concept: `exact[c]` (offers whose topics contain concept `c`), `related[c]` (offers
 *    with a topic that is an ancestor or descendant of `c` but not `c` itself) and, keyed by KBLI key,
 *    `kbli[key]`. Walking the lists of a request's needs, profile concepts and KBLI keys gives, for every
 *    offer at once, exactly the kernel's known-concept topic numerators on both sides and its sector
 *    level; only shared unknown words are bounded (by the shorter list). Everything else is bounded by a
 *    per-offer constant (location, the offer's track record and size level) plus the pair's dates and
 *    language. The bound is a few multiplications per offer; the kernel is ~60 operations and several
 *    arrays. The tighter the bound, the fewer pairs reach the kernel.
 * 2. **Best bounds first.** Offers are counting-sorted into {@link BINS} bins by bound and scored from the
 *    top bin down. As soon as the k-th best fit found so far exceeds the top of the next bin, every offer
 *    left is certain to rank below it and the scan stops.
 *
 * Exactness: the bound is ≥ the kernel's fit for every pair (each component is replaced by a value at
 * least as large, and fit is increasing in both sides), and an offer is skipped only when its bound is
 * below the k-th best fit by more than {@link MARGIN} — far above floating-point rounding, far below any
 * real difference. Skipping therefore never changes the shortlist; `allocate.test.ts` checks the round
 * against an exhaustive blocking-pair count on every generated instance, with tiny chunks that force the
 * pruned scans thousands of times.
 */
import { KBLI_LEVEL, KBLI_LEVEL_FACTOR } from './kbli';
import { combineScore, type ResolvedWeights, SECTOR_BY_LEVEL, scorePrepared } from './kernel';
import type { PreparedOffer, PreparedRequest } from './prepare';
import { CONCEPT_BITSET_WORDS } from './vocabulary';
import { LEVELS } from './weights';

/** Number of bound bins over [0, 1]; more bins sort finer, fewer cost less to clear. */
export const BINS = 128;
/** Safety margin between a bound and a fit (rounding is ~1e-16; real fit differences are ≥ 1e-6). */
export const MARGIN = 1e-9;

// Largest value each bounded component can take, read from the levels so a policy edit keeps the bound valid.
export const LOCATION_MAX = Math.max(
  LEVELS.location.online,
  LEVELS.location.sameCity,
  LEVELS.location.sameProvince,
  LEVELS.location.onlineOutsideRegion,
);
const SECTOR_OPEN = LEVELS.sector.open;
// Module-local copies: read per offer, imported bindings may compile to getter calls (see kernel.ts).
const RELATED = LEVELS.relatedConcept;
const PARTNER_TOPIC_OPEN = LEVELS.partnerTopicOpen;
const LANGUAGE_SHARED = LEVELS.language.shared;
const LANGUAGE_NONE = LEVELS.language.none;

/**
 * Offers of one type in posting lists (CSR: `start[c] … start[c + 1]` into `offers`). Entries are
 * candidate positions within the type (`offersByType[t]`), not offer indices, so the per-scan scratch is
 * a dense prefix of small arrays: cleared with one `fill`, read in order by the bound loop.
 */
export interface Postings {
  readonly start: Int32Array;
  /** Entry positions, concept after concept (named for the offers they hold in rounds). */
  readonly offers: Int32Array;
}

/**
 * Per-round tables the bound reads, indexed by offer index (flat typed arrays, no object hops), plus the
 * posting lists per type. Built once per round by {@link buildShortlistIndex}; independent of impact.
 */
export interface ShortlistIndex {
  /** Per type code: offer indices with places, ascending. */
  readonly offersByType: readonly Int32Array[];
  readonly exact: readonly Postings[];
  /** Related but not exact (`topicRelatedBits` minus `topicBits`): the kernel's `else if` branch. */
  readonly related: readonly Postings[];
  /** Per type: KBLI key → offers with that key (the kernel's sector level is the best shared key's). */
  readonly kbli: readonly Map<number, Int32Array>[];
  /** UMKM-side bound without topic, dates and language: `w.location·max + w.track·track`. */
  readonly umkmConst: Float64Array;
  /** Partner-side bound without topic and sector: `w.sizeClass·(size level)`. */
  readonly partnerConst: Float64Array;
  /** 1 when the offer lists KBLI codes (else its sector component is `open`). */
  readonly hasKbli: Uint8Array;
  readonly languageMask: Int32Array;
  /** The cheap hard filters, copied flat: period, size classes, sectors, offline-only. */
  readonly startDay: Int32Array;
  readonly endDay: Int32Array;
  readonly sizeMask: Int32Array;
  readonly sectorMask: Int32Array;
  readonly offlineOnly: Uint8Array;
  /** Known topic concepts of the offer, unknown-word topics, and `min(topicCount, saturation)` (0 = open). */
  readonly knownTopics: Int32Array;
  readonly unknownTopics: Int32Array;
  readonly saturation: Float64Array;
  /** KBLI sections of the offer's codes (bit = letter − 'A'). */
  readonly sectionBits: Int32Array;
  /** Scratch per candidate position of the largest type, always all-zero between scans. */
  readonly needNumerator: Float64Array;
  readonly profileExact: Float64Array;
  readonly profileRelated: Float64Array;
  readonly sectorLevel: Uint8Array;
  /** Scratch per candidate of the largest type. */
  readonly bound: Float64Array;
  readonly order: Int32Array;
  readonly binOf: Int32Array;
  readonly binStart: Int32Array;
  readonly binFill: Int32Array;
  /** Scratch bitset: profile concepts already walked with the needs (all-zero between scans). */
  readonly walked: Uint32Array;
  /** Scratch: candidate positions still open to an extension scan. */
  readonly open: Int32Array;
  /** Per filter class (type, mode, size bit, sector bit): candidate positions passing those filters. */
  readonly classLists: Map<number, Int32Array>;
}

/** The concepts set in a bitset (and not in `except`, when given), ascending. */
export function conceptsOf(bits: Uint32Array, except?: Uint32Array): number[] {
  const out: number[] = [];
  for (let word = 0; word < bits.length; word++) {
    let rest = (bits[word] as number) & ~((except?.[word] as number | undefined) ?? 0);
    while (rest !== 0) {
      out.push(word * 32 + (31 - Math.clz32(rest & -rest)));
      rest &= rest - 1;
    }
  }
  return out;
}

/**
 * Posting lists over the concepts for `count` entries, entry `p` holding the concepts `conceptsAt(p)`
 * (a concept listed twice is posted twice). Costs the entries' concepts, not `count × concepts`.
 */
export function postingLists(count: number, conceptsAt: (p: number) => ArrayLike<number>): Postings {
  const concepts = CONCEPT_BITSET_WORDS * 32;
  const start = new Int32Array(concepts + 1);
  const lists: ArrayLike<number>[] = [];
  for (let p = 0; p < count; p++) {
    const list = conceptsAt(p);
    lists.push(list);
    for (let i = 0; i < list.length; i++) {
      const c = list[i] as number;
      start[c + 1] = (start[c + 1] as number) + 1;
    }
  }
  for (let c = 0; c < concepts; c++) start[c + 1] = (start[c + 1] as number) + (start[c] as number);
  const fill = start.slice(0, concepts);
  const entries = new Int32Array(start[concepts] as number);
  for (let p = 0; p < count; p++) {
    const list = lists[p] as ArrayLike<number>;
    for (let i = 0; i < list.length; i++) {
      const c = list[i] as number;
      entries[fill[c] as number] = p;
      fill[c] = (fill[c] as number) + 1;
    }
  }
  return { start, offers: entries };
}

/**
 * An index built a pass at a time: each `next()` runs one pass and the last returns the index, so a
 * caller can build a new one between reads without holding the event loop for the whole build.
 */
export type IndexSteps<I> = Generator<void, I, void>;

/** Run every pass of a stepwise build at once. */
export function runSteps<I>(steps: IndexSteps<I>): I {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Entries {@link bitPostingSteps} reads between two yields (~10–20 ms at 50,000 requests). */
const POSTING_CHUNK = 8_192;

/**
 * {@link postingLists} over the concepts set in `bitsAt(p)` and not in `exceptAt(p)`, read from the
 * bitsets twice (count, then fill) instead of through a list per entry, yielding every
 * {@link POSTING_CHUNK} entries: an index built in the background (catalog-index.ts, `IndexSteps`) lets
 * reads in between, where one profile pass over 50,000 requests held the event loop ~90–130 ms.
 */
export function* bitPostingSteps(
  count: number,
  bitsAt: (p: number) => Uint32Array,
  exceptAt?: (p: number) => Uint32Array,
): IndexSteps<Postings> {
  const concepts = CONCEPT_BITSET_WORDS * 32;
  const start = new Int32Array(concepts + 1);
  let fill = new Int32Array(0);
  let entries = new Int32Array(0);
  // Pass 0 counts each concept's entries, pass 1 places them.
  for (let pass = 0; pass < 2; pass++) {
    for (let p = 0; p < count; p++) {
      if (p > 0 && p % POSTING_CHUNK === 0) yield;
      const bits = bitsAt(p);
      const except = exceptAt?.(p);
      for (let word = 0; word < bits.length; word++) {
        let rest = (bits[word] as number) & ~((except?.[word] as number | undefined) ?? 0);
        while (rest !== 0) {
          const c = word * 32 + (31 - Math.clz32(rest & -rest));
          rest &= rest - 1;
          if (pass === 0) start[c + 1] = (start[c + 1] as number) + 1;
          else {
            entries[fill[c] as number] = p;
            fill[c] = (fill[c] as number) + 1;
          }
        }
      }
    }
    if (pass === 0) {
      for (let c = 0; c < concepts; c++) start[c + 1] = (start[c + 1] as number) + (start[c] as number);
      fill = start.slice(0, concepts);
      entries = new Int32Array(start[concepts] as number);
    }
  }
  return { start, offers: entries };
}

function postings(
  offers: readonly PreparedOffer[],
  indices: Int32Array,
  bitsOf: (o: PreparedOffer) => Uint32Array,
): Postings {
  return runSteps(
    bitPostingSteps(indices.length, (pos) => bitsOf(offers[indices[pos] as number] as PreparedOffer)),
  );
}

/** KBLI sections (bit = letter − 'A') among a key list's section-level keys. */
export function sectionBitsOf(keys: Int32Array): number {
  let bits = 0;
  for (const key of keys) {
    if (((key / KBLI_LEVEL_FACTOR) | 0) === KBLI_LEVEL.section) bits |= 1 << ((key % KBLI_LEVEL_FACTOR) - 65);
  }
  return bits;
}

/** An offer's related-only concepts: related to a topic, not a topic itself. */
export function relatedOnly(o: PreparedOffer): Uint32Array {
  const bits = o.topicRelatedBits.slice();
  for (let i = 0; i < bits.length; i++) bits[i] = (bits[i] as number) & ~(o.topicBits[i] as number);
  return bits;
}

/**
 * KBLI key → candidate positions (ascending) holding it, for one type. Section keys are left out: they
 * are long lists (a section is a fifth of the economy) and a bit test answers them (`sectionBits`).
 */
export function kbliPostings(
  items: readonly { readonly kbliKeys: Int32Array }[],
  indices: Int32Array,
): Map<number, Int32Array> {
  return keyPostings(
    indices.length,
    (pos) => (items[indices[pos] as number] as { readonly kbliKeys: Int32Array }).kbliKeys,
    (key) => ((key / KBLI_LEVEL_FACTOR) | 0) !== KBLI_LEVEL.section,
  );
}

/** Key → positions (ascending) listing it, over `count` positions' key lists (only the keys `keep` takes). */
export function keyPostings(
  count: number,
  keysAt: (pos: number) => Int32Array,
  keep: (key: number) => boolean = () => true,
): Map<number, Int32Array> {
  const lists = new Map<number, number[]>();
  for (let pos = 0; pos < count; pos++) {
    for (const key of keysAt(pos)) {
      if (!keep(key)) continue;
      const list = lists.get(key);
      if (list === undefined) lists.set(key, [pos]);
      else list.push(pos);
    }
  }
  return new Map([...lists].map(([key, list]) => [key, Int32Array.from(list)]));
}

/** The bin of a score or fit bound, best first: slot 0 holds bounds ≥ 1, slot `BINS − 1 − ⌊b·BINS⌋` the others. */
export function binOfBound(b: number): number {
  return b >= 1 ? 0 : BINS - 1 - Math.floor(b * BINS);
}

/**
 * Build the round's bound tables for the fit weights `w` (impact plays no part in a UMKM's order).
 *
 * @example
 * const index = buildShortlistIndex(preparedOffers, offersByType, resolveWeights({ impact: false }));
 */
export function buildShortlistIndex(
  offers: readonly PreparedOffer[],
  offersByType: readonly Int32Array[],
  w: ResolvedWeights,
): ShortlistIndex {
  const n = offers.length;
  const umkmConst = new Float64Array(n);
  const partnerConst = new Float64Array(n);
  const hasKbli = new Uint8Array(n);
  const sectionBits = new Int32Array(n);
  const languageMask = new Int32Array(n);
  const startDay = new Int32Array(n);
  const endDay = new Int32Array(n);
  const sizeMask = new Int32Array(n);
  const sectorMask = new Int32Array(n);
  const offlineOnly = new Uint8Array(n);
  const knownTopics = new Int32Array(n);
  const unknownTopics = new Int32Array(n);
  const saturation = new Float64Array(n);
  offers.forEach((o, i) => {
    umkmConst[i] = w.location * LOCATION_MAX + w.track * o.track;
    hasKbli[i] = o.kbliKeys.length === 0 ? 0 : 1;
    sectionBits[i] = sectionBitsOf(o.kbliKeys);
    const size = o.sizeMask === 0 ? LEVELS.sizeClass.open : LEVELS.sizeClass.targeted;
    partnerConst[i] = w.sizeClass * size;
    languageMask[i] = o.languageMask;
    startDay[i] = o.startDay;
    endDay[i] = o.endDay;
    sizeMask[i] = o.sizeMask;
    sectorMask[i] = o.sectorMask;
    offlineOnly[i] = o.modeCode === 1 ? 1 : 0;
    knownTopics[i] = o.topicKnown.length;
    unknownTopics[i] = o.topicUnknown.length;
    saturation[i] = o.topicCount > 0 ? Math.min(o.topicCount, LEVELS.partnerTopicSaturation) : 0;
  });
  const largest = Math.max(0, ...offersByType.map((x) => x.length));
  return {
    offersByType,
    exact: offersByType.map((ids) => postings(offers, ids, (o) => o.topicBits)),
    related: offersByType.map((ids) => postings(offers, ids, relatedOnly)),
    kbli: offersByType.map((ids) => kbliPostings(offers, ids)),
    umkmConst,
    partnerConst,
    hasKbli,
    sectionBits,
    languageMask,
    startDay,
    endDay,
    sizeMask,
    sectorMask,
    offlineOnly,
    knownTopics,
    unknownTopics,
    saturation,
    needNumerator: new Float64Array(largest),
    profileExact: new Float64Array(largest),
    profileRelated: new Float64Array(largest),
    sectorLevel: new Uint8Array(largest),
    bound: new Float64Array(largest),
    order: new Int32Array(largest),
    binOf: new Int32Array(largest),
    binStart: new Int32Array(BINS + 1),
    binFill: new Int32Array(BINS),
    walked: new Uint32Array(CONCEPT_BITSET_WORDS),
    open: new Int32Array(largest),
    classLists: new Map(),
  };
}

/**
 * What an extension scan may read of the running deferred acceptance to skip certain rejections: the
 * offers' held heaps (worst at the root), capacities and the proposing request's best possible priority.
 */
export interface Gate {
  readonly held: Int32Array;
  readonly capacity: Int32Array;
  readonly base: Int32Array;
  readonly heldPri: Float64Array;
  readonly heldReq: Int32Array;
  /** The request's impact term, and the priority it would have at fit = `afterFit`. */
  readonly impact: number;
  readonly bestPriority: number;
  /** Every request's tie rank (partners break priority ties on it: lower rank first). */
  readonly tieRank: Int32Array;
  /** The proposing request's tie rank. */
  readonly rank: number;
}

/** murmur3's 32-bit finaliser: a cheap, well-mixed hash of a 32-bit integer. */
export function mix32(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A request's order among offers of equal fit: by a key seeded per request (`tieSeed`), then by index.
 * Seeded rather than by id so identical requests do not all chase the same offers (the tie cliff).
 * True when offer `a` comes after offer `b`.
 */
export function tiedAfter(tieSeed: number, a: number, b: number): boolean {
  const ka = mix32(tieSeed ^ Math.imul(a + 1, 0x9e3779b1));
  const kb = mix32(tieSeed ^ Math.imul(b + 1, 0x9e3779b1));
  return ka > kb || (ka === kb && a > b);
}

/**
 * Whether the full offer's worst held candidate certainly rejects the request (checked before scoring):
 * it outranks the best priority the request can still have, or equals it and wins the tie. Deferred
 * acceptance only ever improves an offer's worst held candidate, so the rejection holds now and later.
 * Equality relies on `combineScore` being non-decreasing in fit in floating point too (checked on 60M
 * pairs of adjacent doubles); strict outranking keeps the 1e-12 margin.
 */
function certainRejection(gate: Gate, oi: number, bestPriority: number): boolean {
  if ((gate.held[oi] as number) < (gate.capacity[oi] as number)) return false;
  const root = gate.base[oi] as number;
  const wp = gate.heldPri[root] as number;
  if (bestPriority + 1e-12 < wp) return true;
  return wp >= bestPriority && (gate.tieRank[gate.heldReq[root] as number] as number) < gate.rank;
}

/** Output buffers and scratch heap of a scan. */
export interface ChunkBuffers {
  readonly heapOffer: Int32Array;
  readonly heapFit: Float64Array;
  readonly outOffer: Int32Array;
  readonly outFit: Float64Array;
}

/**
 * Candidate positions (into `offersByType[t]`) that pass the request-independent hard filters for one
 * filter class — type, online-only or not, size bit, sector bit — ascending. Built lazily on the first
 * request of the class and kept for the round: the mode, size-class and sector filters then cost nothing
 * per pair, and the bound pass never visits an offer they exclude (~40% of same-type pairs on the
 * benchmark round). Dates stay a per-pair test (periods are continuous).
 */
function classCandidates(index: ShortlistIndex, r: PreparedRequest): Int32Array {
  const t = r.typeCode;
  const onlineOnly = r.modeCode === 0;
  const sizeBit = r.sizeBit;
  const sectorBit = r.sectorBit;
  // Bits are single bits (or 0): their position + 1 identifies them; 33 values each.
  const key =
    ((t * 2 + (onlineOnly ? 1 : 0)) * 33 + (32 - Math.clz32(sizeBit))) * 33 + (32 - Math.clz32(sectorBit));
  let list = index.classLists.get(key);
  if (list !== undefined) return list;
  const candidates = index.offersByType[t] as Int32Array;
  const kept: number[] = [];
  for (let c = 0; c < candidates.length; c++) {
    const oi = candidates[c] as number;
    const sm = index.sizeMask[oi] as number;
    const xm = index.sectorMask[oi] as number;
    // The kernel's mode, size-class and sector filters, word for word.
    if (onlineOnly && index.offlineOnly[oi] === 1) continue;
    if (sm !== 0 && (sm & sizeBit) === 0) continue;
    if (xm !== 0 && (xm & sectorBit) === 0) continue;
    kept.push(c);
  }
  list = Int32Array.from(kept);
  index.classLists.set(key, list);
  return list;
}

/**
 * Candidates of an extension scan still open to the request: the class list (`list`) less those the dates
 * filter excludes or the `gate` shows certain to reject it. Written to `index.open`; returns the count.
 */
function openCandidates(
  index: ShortlistIndex,
  r: PreparedRequest,
  gate: Gate,
  candidates: Int32Array,
  list: Int32Array,
): number {
  const bestPriority = gate.bestPriority;
  const startDay = index.startDay;
  const endDay = index.endDay;
  const rStart = r.startDay;
  const rEnd = r.endDay;
  const open = index.open;
  let n = 0;
  for (let q = 0; q < list.length; q++) {
    const c = list[q] as number;
    const oi = candidates[c] as number;
    if (Math.min(rEnd, endDay[oi] as number) < Math.max(rStart, startDay[oi] as number)) continue;
    if (certainRejection(gate, oi, bestPriority)) continue;
    open[n++] = c;
  }
  return n;
}

/**
 * Fill `index.bound` with each candidate's fit bound and counting-sort candidates by bound, best bin
 * first, into `index.order` (bin `b` occupies `binStart[b] … binStart[b+1]`, bins descending).
 * Candidates a hard filter excludes — or, with a `gate`, that are certain to reject the request — are
 * left out of every bin.
 *
 * An extension scan (with a `gate`) first lists the candidates still open to the request: late in
 * deferred acceptance most offers are full with stronger candidates, and ~60% of these scans on the
 * benchmark round have at most `2k` offers left. Then bounds would prune little or nothing (with at most
 * `k` left, nothing at all) while the posting walks cost as much as in a first scan, so those candidates
 * all go into the top bin unbounded and are simply scored.
 */
export function sortByBound(
  index: ShortlistIndex,
  r: PreparedRequest,
  w: ResolvedWeights,
  gate: Gate | null,
  k: number,
): void {
  const t = r.typeCode;
  const candidates = index.offersByType[t];
  if (candidates === undefined) return;
  const bins = index.binStart;
  let list = classCandidates(index, r);
  let count = list.length;
  if (gate !== null) {
    const open = openCandidates(index, r, gate, candidates, list);
    if (open <= 2 * k) {
      // Bin 0 holds them all, bound above any fit: scored without pruning, exactly as a full scan would.
      bins.fill(open);
      bins[0] = 0;
      index.order.set(index.open.subarray(0, open));
      for (let q = 0; q < open; q++) index.bound[index.open[q] as number] = Number.POSITIVE_INFINITY;
      return;
    }
    list = index.open;
    count = open;
  }
  const exact = index.exact[t] as Postings;
  const related = index.related[t] as Postings;
  const exactStart = exact.start;
  const exactOffers = exact.offers;
  const relatedStart = related.start;
  const relatedOffers = related.offers;
  const need = index.needNumerator;
  const pEx = index.profileExact;
  const pRel = index.profileRelated;
  // Needs: exact concept +1, related-only +½ — the kernel's numerator. The profile holds every need
  // concept, so one walk of `exact[c]` also counts the profile's exact hit for it (marked in `walked`,
  // skipped below: a third of the posting walks saved). A need repeated would count twice: still a bound.
  const profileBits = r.profileBits;
  const profileRelatedBits = r.profileRelatedBits;
  const walked = index.walked;
  const needs = r.needKnown;
  for (let i = 0; i < needs.length; i++) {
    const c = needs[i] as number;
    const word = c >>> 5;
    const bit = 1 << (c & 31);
    if (((profileBits[word] as number) & bit) !== 0) {
      walked[word] = (walked[word] as number) | bit;
      for (let p = exactStart[c] as number, e = exactStart[c + 1] as number; p < e; p++) {
        const c2 = exactOffers[p] as number;
        need[c2] = (need[c2] as number) + 1;
        pEx[c2] = (pEx[c2] as number) + 1;
      }
    } else {
      for (let p = exactStart[c] as number, e = exactStart[c + 1] as number; p < e; p++) {
        const c2 = exactOffers[p] as number;
        need[c2] = (need[c2] as number) + 1;
      }
    }
    for (let p = relatedStart[c] as number, e = relatedStart[c + 1] as number; p < e; p++) {
      const c2 = relatedOffers[p] as number;
      need[c2] = (need[c2] as number) + RELATED;
    }
  }
  // Profile, as the kernel counts it per offer topic: topics in the profile (exact), and topics related
  // to it but not in it — walked as the exact postings of those concepts, so the counts are the kernel's.
  for (let word = 0; word < profileBits.length; word++) {
    let inProfile = (profileBits[word] as number) & ~(walked[word] as number);
    walked[word] = 0;
    let nearProfile = (profileRelatedBits[word] as number) & ~inProfile;
    while (inProfile !== 0) {
      const c = word * 32 + (31 - Math.clz32(inProfile & -inProfile));
      inProfile &= inProfile - 1;
      for (let p = exactStart[c] as number, e = exactStart[c + 1] as number; p < e; p++) {
        const c2 = exactOffers[p] as number;
        pEx[c2] = (pEx[c2] as number) + 1;
      }
    }
    while (nearProfile !== 0) {
      const c = word * 32 + (31 - Math.clz32(nearProfile & -nearProfile));
      nearProfile &= nearProfile - 1;
      for (let p = exactStart[c] as number, e = exactStart[c + 1] as number; p < e; p++) {
        const c2 = exactOffers[p] as number;
        pRel[c2] = (pRel[c2] as number) + 1;
      }
    }
  }
  // Sector: the finest KBLI level the request shares with each offer (0 = none).
  const kbli = index.kbli[t] as Map<number, Int32Array>;
  const sectorLevel = index.sectorLevel;
  const keys = r.kbliKeys;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as number;
    const list = kbli.get(key);
    if (list === undefined) continue;
    const level = (key / KBLI_LEVEL_FACTOR) | 0;
    for (let p = 0; p < list.length; p++) {
      const c2 = list[p] as number;
      if (level > (sectorLevel[c2] as number)) sectorLevel[c2] = level;
    }
  }
  const needCount = r.needCount;
  const needUnknown = r.needUnknown.length;
  const profileUnknown = r.profileUnknown.length;
  const lang = r.languageMask;
  const bound = index.bound;
  bins.fill(0);
  const rStart = r.startDay;
  const rEnd = r.endDay;
  const wanted = rEnd - rStart + 1;
  const balance = w.balance;
  const sqrtMean = balance === 0.5;
  const binOf = index.binOf;
  // Flat tables and weights in locals: the loop below runs ~10 million times a round.
  const startDay = index.startDay;
  const endDay = index.endDay;
  const unknownTopics = index.unknownTopics;
  const saturation = index.saturation;
  const languageMask = index.languageMask;
  const umkmConst = index.umkmConst;
  const partnerConst = index.partnerConst;
  const hasKbli = index.hasKbli;
  const sectionBits = index.sectionBits;
  const rSections = sectionBitsOf(r.kbliKeys);
  const wSector = w.sector;
  const wTopic = w.topic;
  const wDates = w.dates;
  const wLanguage = w.language;
  const wPartnerTopic = w.partnerTopic;
  // The gate's certain rejection (see buildChunk), tested before the bound: deferred acceptance is frozen
  // while extension chunks are built, so the test is the same here as at scoring time.
  const bestPriority = gate === null ? 0 : gate.bestPriority;
  for (let q = 0; q < count; q++) {
    const c = list[q] as number;
    const oi = candidates[c] as number;
    const overlapStart = Math.max(rStart, startDay[oi] as number);
    const overlapEnd = Math.min(rEnd, endDay[oi] as number);
    if (overlapEnd < overlapStart || (gate !== null && certainRejection(gate, oi, bestPriority))) {
      bound[c] = -1;
      binOf[c] = -1;
      continue;
    }
    const dates = wanted > 1e8 ? 1 : (overlapEnd - overlapStart + 1) / wanted;
    // Topic (UMKM side): shared unknown words are at most the smaller list.
    let topic = 0;
    if (needCount > 0) {
      const unk = Math.min(needUnknown, unknownTopics[oi] as number);
      topic = ((need[c] as number) + unk) / needCount;
      if (topic > 1) topic = 1;
    }
    // Partner topic: the kernel's known-topic counts; shared unknown words at most the shorter list.
    const sat = saturation[oi] as number;
    let partnerTopic: number = PARTNER_TOPIC_OPEN;
    if (sat > 0) {
      const unk = Math.min(profileUnknown, unknownTopics[oi] as number);
      partnerTopic = ((pEx[c] as number) + unk + RELATED * (pRel[c] as number)) / sat;
      if (partnerTopic > 1) partnerTopic = 1;
    }
    // Sector level: the finest shared key below section level, else a shared section, else none.
    let level = sectorLevel[c] as number;
    if (level === 0 && ((sectionBits[oi] as number) & rSections) !== 0) level = KBLI_LEVEL.section;
    const sector = hasKbli[oi] === 0 ? SECTOR_OPEN : (SECTOR_BY_LEVEL[level] as number);
    const language = (lang & (languageMask[oi] as number)) !== 0 ? LANGUAGE_SHARED : LANGUAGE_NONE;
    const forUmkm = wTopic * topic + wDates * dates + wLanguage * language + (umkmConst[oi] as number);
    const forPartner = wPartnerTopic * partnerTopic + wSector * sector + (partnerConst[oi] as number);
    // Fit is increasing in both sides for any balance, so the bound carries through the geometric mean.
    const b = sqrtMean ? Math.sqrt(forUmkm * forPartner) : forUmkm ** balance * forPartner ** (1 - balance);
    bound[c] = b;
    const slot = binOfBound(b);
    binOf[c] = slot;
    bins[slot] = (bins[slot] as number) + 1;
  }
  // Scratch back to zero: a dense prefix per array, cheaper than walking the postings again.
  const used = candidates.length;
  need.fill(0, 0, used);
  pEx.fill(0, 0, used);
  pRel.fill(0, 0, used);
  sectorLevel.fill(0, 0, used);
  placeInBins(bins, index.binFill, binOf, list, count, index.order);
}

/**
 * Counting sort, second half: turn the per-bin counts in `bins` into starts (bins stored best first,
 * `bins[BINS]` = total) and place `list[0 … count)` into `order` by `binOf` (entries with `binOf` < 0
 * were excluded and stay out). `fill` is scratch of BINS entries.
 */
export function placeInBins(
  bins: Int32Array,
  fill: Int32Array,
  binOf: Int32Array,
  list: Int32Array,
  count: number,
  order: Int32Array,
): void {
  let sum = 0;
  for (let b = 0; b < BINS; b++) {
    const n = bins[b] as number;
    bins[b] = sum;
    sum += n;
  }
  bins[BINS] = sum;
  fill.set(bins.subarray(0, BINS));
  for (let q = 0; q < count; q++) {
    const c = list[q] as number;
    const slot = binOf[c] as number;
    if (slot < 0) continue;
    order[fill[slot] as number] = c;
    fill[slot] = (fill[slot] as number) + 1;
  }
}

/**
 * A request's preference chunk: its best `k` eligible offers of its type — by fit, equal fits in the
 * request's seeded tie order ({@link tiedAfter} with `tieSeed`) — strictly after (`afterFit`,
 * `afterIndex`) in that order, skipping offers that are certain to reject it (`gate`, during deferred
 * acceptance). Writes the chunk, best first, into `buffers.outOffer`/`outFit` at `at`.
 *
 * Returns the chunk's length and whether it is `complete` — certain to hold every eligible offer left in
 * the request's order (then no later extension is needed). A scan that stopped early on the bound is
 * never complete.
 *
 * @example
 * const { length, complete } = buildChunk(index, offers, request, weights, 24, Infinity, -1, null, buffers, 0, seed);
 */
export function buildChunk(
  index: ShortlistIndex,
  offers: readonly PreparedOffer[],
  r: PreparedRequest,
  w: ResolvedWeights,
  k: number,
  afterFit: number,
  afterIndex: number,
  gate: Gate | null,
  buffers: ChunkBuffers,
  at: number,
  tieSeed: number,
): { length: number; complete: boolean } {
  const candidates = index.offersByType[r.typeCode];
  if (candidates === undefined) return { length: 0, complete: true }; // unknown type: nothing eligible
  sortByBound(index, r, w, gate, k);
  const { heapOffer, heapFit, outOffer, outFit } = buffers;
  let size = 0;
  let seen = 0;
  let pruned = false;
  const bins = index.binStart;
  for (let b = 0; b < BINS && !pruned; b++) {
    const from = bins[b] as number;
    const to = bins[b + 1] as number;
    if (from === to) continue;
    // Every offer in this bin and below has a bound under the bin's top: once the k-th best fit beats
    // it, nothing left can enter.
    if (size === k && b > 0 && (BINS - b) / BINS + MARGIN < (heapFit[0] as number)) {
      pruned = true;
      break;
    }
    for (let q = from; q < to; q++) {
      const c = index.order[q] as number;
      if (size === k && (index.bound[c] as number) + MARGIN < (heapFit[0] as number)) {
        pruned = true;
        continue;
      }
      const oi = candidates[c] as number;
      // Offers certain to reject this request before scoring (full, and their worst held candidate
      // outranks even the best priority the request could still have) never reached a bin.
      const full = gate !== null && (gate.held[oi] as number) >= (gate.capacity[oi] as number);
      const fit = scorePrepared(r, offers[oi] as PreparedOffer, w, null);
      if (fit < 0) continue;
      // Only offers after the last one already listed (strictly worse in the UMKM's order).
      if (fit > afterFit || (fit === afterFit && (oi === afterIndex || tiedAfter(tieSeed, afterIndex, oi))))
        continue;
      if (full) {
        // Exact form of the same test, with this pair's priority: rejected on arrival, now and later.
        const root = gate.base[oi] as number;
        const pri = combineScore(fit, gate.impact);
        const wp = gate.heldPri[root] as number;
        if (pri < wp || (pri === wp && gate.rank > (gate.tieRank[gate.heldReq[root] as number] as number)))
          continue;
      }
      seen++;
      pushTopK(heapOffer, heapFit, size, k, fit, oi, tieSeed);
      if (size < k) size++;
    }
  }
  // Pop the heap worst-first into the output from the back: the result is best first.
  for (let n = size; n > 0; n--) {
    outOffer[at + n - 1] = heapOffer[0] as number;
    outFit[at + n - 1] = heapFit[0] as number;
    siftDown(heapOffer, heapFit, n - 1, heapFit[n - 1] as number, heapOffer[n - 1] as number, tieSeed);
  }
  return { length: size, complete: !pruned && seen <= k };
}

/** `a` ranks below `b` in the UMKM's order: lower fit, or equal fit and later in its tie order. */
function below(fa: number, oa: number, fb: number, ob: number, tieSeed: number): boolean {
  return fa < fb || (fa === fb && tiedAfter(tieSeed, oa, ob));
}

/** Offer (fit, oi) to a min-heap of at most k (root = worst kept) holding `size` entries. */
function pushTopK(
  heapOffer: Int32Array,
  heapFit: Float64Array,
  size: number,
  k: number,
  fit: number,
  oi: number,
  tieSeed: number,
): void {
  if (size < k) {
    let i = size;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!below(fit, oi, heapFit[p] as number, heapOffer[p] as number, tieSeed)) break;
      heapFit[i] = heapFit[p] as number;
      heapOffer[i] = heapOffer[p] as number;
      i = p;
    }
    heapFit[i] = fit;
    heapOffer[i] = oi;
    return;
  }
  if (below(fit, oi, heapFit[0] as number, heapOffer[0] as number, tieSeed)) return;
  siftDown(heapOffer, heapFit, size, fit, oi, tieSeed);
}

/** Put (fit, oi) at the root of a heap of `size` entries and sift it down. */
function siftDown(
  heapOffer: Int32Array,
  heapFit: Float64Array,
  size: number,
  fit: number,
  oi: number,
  tieSeed: number,
): void {
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= size) break;
    let m = l;
    const rr = l + 1;
    if (
      rr < size &&
      below(
        heapFit[rr] as number,
        heapOffer[rr] as number,
        heapFit[l] as number,
        heapOffer[l] as number,
        tieSeed,
      )
    )
      m = rr;
    if (!below(heapFit[m] as number, heapOffer[m] as number, fit, oi, tieSeed)) break;
    heapFit[i] = heapFit[m] as number;
    heapOffer[i] = heapOffer[m] as number;
    i = m;
  }
  heapFit[i] = fit;
  heapOffer[i] = oi;
}
