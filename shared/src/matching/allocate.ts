/**
 * Allocation of a whole round: deferred acceptance (Gale–Shapley) with capacities, UMKM proposing — the
 * mechanism of the residency match. It never exceeds a capacity, never assigns a pair a hard filter
 * excludes, and is *stable*: no UMKM and partner would both rather be matched to each other than keep what
 * they got. Among stable allocations, UMKM-proposing DA gives every UMKM its best achievable partner.
 *
 * Preferences (strict total orders; ties broken by the round's `seed`, recorded with the round, so the
 * result depends on the seed and the set of ids, never on input order):
 * - a UMKM ranks eligible offers by `fit` (desc), then by a key seeded per request (`tiedAfter`), then
 *   offer id. Its own impact priority is the same for every offer, so it cannot — and should not — change
 *   what the UMKM prefers;
 * - a partner ranks eligible requests by `score = fit + impact·fit·(1−fit)` (desc), then by the request's
 *   seeded tie rank (a permutation of the requests): its reciprocal fit plus the impact priority. With
 *   impact off, `score = fit`.
 *
 * Why seeded ties (the tie cliff): with ties broken by id, identical requests all chase the same offers in
 * the same order, and each loser must rescan every offer still free on every extension — 5,000 identical
 * requests × 1,000 offers of capacity 1 took 32 s, growing with the cube of the size. With a seeded order
 * identical requests spread over the tied offers, and a full offer whose worst held candidate *equals* a
 * request's best priority but wins the tie is known to reject it, so the gate skips tied losers unscored.
 * That left the first chunks: where fits tie, a scan cannot stop early (an unscored offer whose bound
 * reaches the k-th fit may tie it and come first in the request's own order), so each copy scored every
 * offer — 20 million scores for 10,000 copies × 2,000 offers, 3.5 s. Copies of one request (alike in
 * every prepared field) now share one scoring, and each takes its chunk from it in its own tie order.
 * A seeded draw is also the fair way to split a tie: ids carry no merit.
 *
 * Why both sides rank by the reciprocal fit, and what stability costs (measured with `npm run bench` and
 * HiGHS on its 600 × 60 and 1,500 × 300 rounds, Σ fit with impact off):
 * - A partnership needs both parties, so a UMKM's most useful ranking is the offers where it is also
 *   wanted. The alternative "genuinely two-sided" model — a UMKM ranks by `forUmkm`, a partner by
 *   `forPartner` (+ impact) — was measured: it lowers the stable total (gap 7.3% / 8.8% instead of
 *   4.9% / 6.3%), and so do minimum-fit acceptability thresholds (0.3–0.5: 6.6%–12%).
 * - Under every model tried, UMKM-proposing and partner-proposing DA return the same matching, so the set
 *   of stable allocations is a single matching: there is no better stable allocation to choose (rotations,
 *   swaps) — and by the rural-hospitals theorem every stable allocation places the same UMKM anyway.
 * - The whole gap is placements: the welfare optimum places 443 UMKM (1,344) where stability places 410
 *   (1,261) at a slightly *higher* mean fit. It does so by giving a UMKM a partner that prefers someone who
 *   also prefers that partner — exactly a blocking pair. A 3% target on Σ fit is therefore not reachable
 *   by any stable allocation of these rounds under these preferences.
 *
 * Scale (20,000 requests × 2,000 offers = 40M pairs, ~15M of the same type). Four design choices keep a
 * round near a second:
 * 1. Offers are bucketed by type, so a request only ever scans offers of its own type.
 * 2. A request's preference list is built lazily in chunks of `preferenceChunk` best offers (a k-heap, no
 *    sort of 2,000 objects). Most requests are placed within their first chunk.
 * 2b. A chunk is found without scoring every pair (`shortlist.ts`): an upper bound on fit from per-concept
 *    and per-KBLI-key posting lists and flat per-offer tables (exact on every component but location and
 *    shared unknown words) orders the candidates, and the kernel runs only until the k-th best fit beats
 *    every remaining bound — about one same-type pair in ten on the benchmark round (1.45M of 15.1M, both runs), with exactly the
 *    same chunk as a full scan (`shortlist.test.ts` checks this against brute force). Offers excluded by
 *    the request's mode, size-class and sector filters are never visited (per-class candidate lists).
 *    The first chunks are the bulk of a round's time and are shared by the impact-on and impact-off runs.
 * 3. When a request exhausts a chunk, the next chunk is built from a fresh scan that skips offers which are
 *    *certain* to reject it: a full offer whose worst held candidate already outranks it. In deferred
 *    acceptance an offer that is full stays full and its worst held candidate only improves, so such a
 *    proposal would be rejected on arrival now and at any later time; skipping it changes nothing but time.
 *    Those offers are dropped before any bound is computed, and when at most `2k` remain they are simply
 *    all scored (no posting walks).
 *
 * Truncation is therefore only an implementation detail: every request can still reach every eligible
 * offer, and the outcome is exactly that of deferred acceptance on the *full* preference lists. The
 * exhaustive {@link countBlockingPairs} checks this independently on every pair (tests run it on every
 * generated instance; the benchmark runs it on the large round too).
 */
import {
  combineScore,
  impactOf,
  type ResolvedWeights,
  resolveWeights,
  type ScoreOptions,
  scorePrepared,
} from './kernel';
import { type PreparedOffer, type PreparedRequest, prepareOffer, prepareRequest } from './prepare';
import {
  buildChunk,
  buildShortlistIndex,
  type ChunkBuffers,
  type Gate,
  mix32,
  type ShortlistIndex,
  tiedAfter,
} from './shortlist';
import type { MatchOffer, MatchRequest } from './types';

/** Thrown when two requests or two offers share an id: preferences tie-break on ids, so they must be unique. */
export class DuplicateIdError extends Error {
  constructor(
    readonly side: 'request' | 'offer',
    readonly duplicateId: string,
  ) {
    super(`Duplicate ${side} id in allocation round: ${duplicateId}`);
    this.name = 'DuplicateIdError';
  }
}

/** Options for {@link allocateRound}. */
export interface AllocationOptions extends ScoreOptions {
  /** Length of each preference chunk (default 24). Affects speed only, never the outcome. */
  readonly preferenceChunk?: number;
  /** Also run the round with impact priority off and report it (default true). */
  readonly compareWithoutImpact?: boolean;
  /**
   * Count blocking pairs exhaustively for the report: `true`, `false`, or `'auto'` (default) = only when
   * requests × offers ≤ 4 million. When not counted, `blockingPairs` is `null` (stable by construction).
   */
  readonly verify?: boolean | 'auto';
  /**
   * Pairs the round must never assign (e.g. a partner declined that request before): treated as
   * ineligible, both when allocating and when counting blocking pairs.
   */
  readonly excludePair?: (requestId: string, offerId: string) => boolean;
  /**
   * Seed of the round's tie-breaking (an unsigned 32-bit integer, default 0). Record it with the round:
   * the same seed and inputs give the same allocation.
   */
  readonly seed?: number;
}

/** One placed UMKM request. */
export interface Assignment {
  readonly requestId: string;
  readonly offerId: string;
  /** Reciprocal fit of the pair, in [0, 1]. */
  readonly fit: number;
  /** Score used by the partner side: fit lifted by impact when the policy is on. */
  readonly score: number;
  /** The request's impact term under the round's policy. */
  readonly impact: number;
}

/** Figures an admin reads after a round. */
export interface RoundReport {
  readonly impactPriority: boolean;
  readonly requestCount: number;
  readonly offerCount: number;
  /** Sum of remaining places over all offers. */
  readonly capacity: number;
  readonly assignedCount: number;
  /** Σ score over assignments. */
  readonly totalScore: number;
  /** Σ fit over assignments (policy-independent quality). */
  readonly totalFit: number;
  /** Places filled / places available (0 when there are none). */
  readonly fillRate: number;
  /** Requests placed / requests. */
  readonly requestPlacementRate: number;
  /** Exhaustively counted blocking pairs (0 for a stable allocation), or null when not counted. */
  readonly blockingPairs: number | null;
  /** Share of assigned UMKM whose province's poverty rate is above the national median of provinces. */
  readonly highPovertyShare: number;
  /** The same share among all requests in the round (the baseline to compare with). */
  readonly highPovertyShareOfRequests: number;
  /** Proposals made (a measure of work). */
  readonly proposals: number;
}

export interface RoundResult {
  /** Sorted by request id. */
  readonly assignments: readonly Assignment[];
  /** Request ids left unplaced, sorted. */
  readonly unassigned: readonly string[];
  readonly report: RoundReport;
}

export interface AllocationResult extends RoundResult {
  /** The same round with impact priority off (absent when `compareWithoutImpact: false`). */
  readonly withoutImpact?: RoundResult;
}

// ── Shared set-up ────────────────────────────────────────────────────────────────────────────────

interface Round {
  readonly requests: readonly PreparedRequest[];
  readonly offers: readonly PreparedOffer[];
  /** Offer indices per type code, ascending (= id order), only offers with places. */
  readonly offersByType: readonly Int32Array[];
  readonly capacity: Int32Array;
  /** Per request: its rank in the partners' tie order (a seeded permutation). */
  readonly tieRank: Int32Array;
  /** Per request: the seed of its tie order among offers of equal fit. */
  readonly tieSeed: Int32Array;
}

/** A round ready for deferred acceptance: the set-up plus the shortlist tables for the fit weights. */
interface IndexedRound extends Round {
  readonly index: ShortlistIndex;
}

function byId<T extends { readonly source: { readonly id: string } }>(
  items: T[],
  side: 'request' | 'offer',
): T[] {
  items.sort((a, b) => (a.source.id < b.source.id ? -1 : a.source.id > b.source.id ? 1 : 0));
  for (let i = 1; i < items.length; i++) {
    const id = (items[i] as T).source.id;
    if (id === (items[i - 1] as T).source.id) throw new DuplicateIdError(side, id);
  }
  return items;
}

/** The seeded tie orders of a round's requests (index = position in id order). */
function tieOrder(count: number, seed: number): { tieRank: Int32Array; tieSeed: Int32Array } {
  const s = seed >>> 0;
  const key = Uint32Array.from({ length: count }, (_, ri) => mix32(s ^ mix32(ri + 0x3c6ef372)));
  const order = Int32Array.from({ length: count }, (_, ri) => ri).sort(
    (a, b) => (key[a] as number) - (key[b] as number) || a - b,
  );
  const tieRank = new Int32Array(count);
  order.forEach((ri, rank) => {
    tieRank[ri] = rank;
  });
  const tieSeed = Int32Array.from({ length: count }, (_, ri) => mix32(mix32(s + 0x6a09e667) ^ ri));
  return { tieRank, tieSeed };
}

/**
 * The round's tie-breaks in terms of ids, exactly as {@link allocateRound} applies them with `seed`: for
 * audits and independent checks of an allocation.
 *
 * @example
 * const ties = roundTieBreaks(['r1', 'r2'], ['o1', 'o2'], round.seed);
 * ties.partnerPrefers('r1', 'r2'); // at equal score, does a partner take r1 before r2?
 * ties.umkmPrefers('r1', 'o1', 'o2'); // at equal fit, does r1 rank o1 before o2?
 */
export function roundTieBreaks(
  requestIds: readonly string[],
  offerIds: readonly string[],
  seed = 0,
): {
  partnerPrefers(requestA: string, requestB: string): boolean;
  umkmPrefers(requestId: string, offerA: string, offerB: string): boolean;
} {
  const position = (ids: readonly string[]) =>
    new Map([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((id, i) => [id, i]));
  const ri = position(requestIds);
  const oi = position(offerIds);
  const { tieRank, tieSeed } = tieOrder(ri.size, seed);
  const at = (m: Map<string, number>, id: string) => m.get(id) as number;
  return {
    partnerPrefers: (a, b) => (tieRank[at(ri, a)] as number) < (tieRank[at(ri, b)] as number),
    umkmPrefers: (r, a, b) => tiedAfter(tieSeed[at(ri, r)] as number, at(oi, b), at(oi, a)),
  };
}

function setUp(
  requests: readonly (MatchRequest | PreparedRequest)[],
  offers: readonly (MatchOffer | PreparedOffer)[],
  seed: number,
): Round {
  const rs = byId(
    requests.map((x) =>
      'kind' in x && x.kind === 'prepared-request' ? x : prepareRequest(x as MatchRequest),
    ),
    'request',
  );
  const os = byId(
    offers.map((x) => ('kind' in x && x.kind === 'prepared-offer' ? x : prepareOffer(x as MatchOffer))),
    'offer',
  );
  const buckets: number[][] = [[], [], []];
  os.forEach((o, i) => {
    if (o.remaining > 0) buckets[o.typeCode]?.push(i);
  });
  return {
    requests: rs,
    offers: os,
    offersByType: buckets.map((b) => Int32Array.from(b)),
    capacity: Int32Array.from(os, (o) => Math.max(0, o.remaining)),
    ...tieOrder(rs.length, seed),
  };
}

/** First chunks for every request, shared by the impact-on and impact-off runs (they do not depend on impact). */
interface Chunks {
  readonly k: number;
  readonly offer: Int32Array;
  readonly fit: Float64Array;
  readonly length: Int32Array;
  /** 1 when the chunk holds every eligible offer of the request. */
  readonly complete: Uint8Array;
}

function chunkBuffers(k: number, outOffer: Int32Array, outFit: Float64Array): ChunkBuffers {
  return { heapOffer: new Int32Array(k), heapFit: new Float64Array(k), outOffer, outFit };
}

/**
 * Copies among a round's requests: per request, the index of the first request the kernel cannot tell
 * apart from it (itself when none), and how many each first one has. Alike = every prepared field equal
 * but the source and the kind (the kernel reads only prepared fields, so alike requests have the same
 * fit with every offer): copies of one request — the same needs, business and dates under other ids.
 * A hash of the main scored fields buckets the requests; only requests sharing a bucket are compared,
 * field by field.
 */
function findCopies(requests: readonly PreparedRequest[]): { first: Int32Array; count: Int32Array } {
  const n = requests.length;
  const first = Int32Array.from({ length: n }, (_, ri) => ri);
  const count = new Int32Array(n).fill(1);
  if (n < 2) return { first, count };
  const mixIn = (h: number, x: number) => Math.imul(h ^ x, 0x01000193);
  const mixAll = (h0: number, xs: Int32Array | Uint32Array) => {
    let h = mixIn(h0, xs.length);
    for (let q = 0; q < xs.length; q++) h = mixIn(h, xs[q] as number);
    return h;
  };
  const hashOf = (r: PreparedRequest) => {
    let h = mixIn(0x811c9dc5, r.typeCode);
    h = mixIn(mixIn(mixIn(h, r.provinceIndex), r.cityKey), r.startDay | 0);
    h = mixIn(mixIn(mixIn(h, r.endDay | 0), r.sizeBit), r.sectorBit);
    h = mixIn(mixIn(mixIn(h, r.modeCode), r.languageMask), r.certificationMask);
    h = mixAll(mixAll(mixAll(h, r.needKnown), r.profileBits), r.kbliKeys);
    return h >>> 0;
  };
  const fields = Object.keys(requests[0] as PreparedRequest).filter((f) => f !== 'source' && f !== 'kind');
  const json = new Map<unknown, string>();
  const asJson = (v: unknown) => {
    let text = json.get(v);
    if (text === undefined) {
      text = JSON.stringify(v);
      json.set(v, text);
    }
    return text;
  };
  const same = (a: PreparedRequest, b: PreparedRequest) =>
    fields.every((f) => {
      const x = (a as unknown as Record<string, unknown>)[f];
      const y = (b as unknown as Record<string, unknown>)[f];
      if (x === y) return true;
      if (ArrayBuffer.isView(x) && ArrayBuffer.isView(y)) {
        const xs = x as unknown as ArrayLike<number>;
        const ys = y as unknown as ArrayLike<number>;
        if (xs.length !== ys.length) return false;
        for (let q = 0; q < xs.length; q++) if (xs[q] !== ys[q]) return false;
        return true;
      }
      return typeof x === 'object' && typeof y === 'object' && asJson(x) === asJson(y);
    });
  const buckets = new Map<number, number[]>(); // hash → the first requests seen with it
  for (let ri = 0; ri < n; ri++) {
    const r = requests[ri] as PreparedRequest;
    const h = hashOf(r);
    const seen = buckets.get(h);
    if (seen === undefined) {
      buckets.set(h, [ri]);
      continue;
    }
    const match = seen.find((fi) => same(requests[fi] as PreparedRequest, r));
    if (match === undefined) seen.push(ri);
    else {
      first[ri] = match;
      count[match] = (count[match] as number) + 1;
    }
  }
  return { first, count };
}

/** Every eligible offer of a request with its fit, best first (equal fits by index). */
function scoreAll(round: Round, r: PreparedRequest, fitWeights: ResolvedWeights) {
  const pairs: { oi: number; fit: number }[] = [];
  for (const oi of round.offersByType[r.typeCode] ?? []) {
    const fit = scorePrepared(r, round.offers[oi] as PreparedOffer, fitWeights, null);
    if (fit >= 0) pairs.push({ oi, fit });
  }
  pairs.sort((a, b) => b.fit - a.fit || a.oi - b.oi);
  return { offer: Int32Array.from(pairs, (p) => p.oi), fit: Float64Array.from(pairs, (p) => p.fit) };
}

/**
 * A request's first chunk from the scored list of its copies: the best `k` by fit, equal fits in the
 * request's own seeded order ({@link tiedAfter}) — exactly what {@link buildChunk} returns. Writes it
 * at `at` and returns its length.
 */
function chunkFromScored(
  scored: { readonly offer: Int32Array; readonly fit: Float64Array },
  tieSeed: number,
  k: number,
  out: { readonly offer: Int32Array; readonly fit: Float64Array },
  at: number,
): number {
  const m = scored.offer.length;
  const take = Math.min(k, m);
  if (take === 0) return 0;
  // Offers above the k-th fit are in; of the run of fits equal to it, the first in this request's tie
  // order fill the rest (the run may be every offer, the picks at most k: insertion into them).
  const kth = scored.fit[take - 1] as number;
  let from = take - 1;
  while (from > 0 && scored.fit[from - 1] === kth) from--;
  out.offer.set(scored.offer.subarray(0, from), at);
  out.fit.set(scored.fit.subarray(0, from), at);
  let picks = 0;
  const room = take - from;
  const base = at + from;
  for (let q = from; q < m && scored.fit[q] === kth; q++) {
    const oi = scored.offer[q] as number;
    if (picks === room && tiedAfter(tieSeed, oi, out.offer[base + room - 1] as number)) continue;
    let y = Math.min(picks, room - 1);
    while (y > 0 && tiedAfter(tieSeed, out.offer[base + y - 1] as number, oi)) {
      out.offer[base + y] = out.offer[base + y - 1] as number;
      y--;
    }
    out.offer[base + y] = oi;
    if (picks < room) picks++;
  }
  out.fit.fill(kth, base, base + room);
  // Runs of equal fit above the k-th: into this request's tie order (insertion: runs are short).
  for (let q = at + 1; q < base; q++) {
    const oi = out.offer[q] as number;
    const f = out.fit[q] as number;
    let y = q;
    while (y > at && out.fit[y - 1] === f && tiedAfter(tieSeed, out.offer[y - 1] as number, oi)) {
      out.offer[y] = out.offer[y - 1] as number;
      y--;
    }
    out.offer[y] = oi;
  }
  return take;
}

/** Copies of a request that share one full scoring for their first chunks (see `firstChunks`). */
const SHARED_SCORING = 8;

function firstChunks(round: IndexedRound, fitWeights: ResolvedWeights, k: number): Chunks {
  const n = round.requests.length;
  const offer = new Int32Array(n * k);
  const fit = new Float64Array(n * k);
  const length = new Int32Array(n);
  const complete = new Uint8Array(n);
  const buffers = chunkBuffers(k, offer, fit);
  // Copies of one request (the tie cliff's other half): a chunk's scan cannot stop early where fits tie
  // — any offer whose bound reaches the k-th fit may tie it and come first in the request's order — so
  // each of 5,000 copies would score all 1,000 equal offers. Copies share one scoring instead, from
  // SHARED_SCORING copies on: where fits do not tie, a pruned scan scores about a tenth of the offers a
  // full one does, so a few copies are cheaper scanned one by one.
  const copies = findCopies(round.requests);
  const shared = new Map<number, { offer: Int32Array; fit: Float64Array }>();
  for (let ri = 0; ri < n; ri++) {
    const r = round.requests[ri] as PreparedRequest;
    const lead = copies.first[ri] as number;
    if ((copies.count[lead] as number) >= SHARED_SCORING) {
      let scored = shared.get(lead);
      if (scored === undefined) {
        scored = scoreAll(round, r, fitWeights);
        shared.set(lead, scored);
      }
      length[ri] = chunkFromScored(scored, round.tieSeed[ri] as number, k, { offer, fit }, ri * k);
      complete[ri] = scored.offer.length <= k ? 1 : 0;
      continue;
    }
    const chunk = buildChunk(
      round.index,
      round.offers,
      r,
      fitWeights,
      k,
      Number.POSITIVE_INFINITY,
      -1,
      null,
      buffers,
      ri * k,
      round.tieSeed[ri] as number,
    );
    length[ri] = chunk.length;
    complete[ri] = chunk.complete ? 1 : 0;
  }
  return { k, offer, fit, length, complete };
}

/**
 * Deferred acceptance, UMKM proposing. Returns, per request, the offer index (-1 = unplaced) and fit.
 * `impact[ri]` is the request's impact term (all zeros for the impact-off run).
 */
function deferredAcceptance(
  round: IndexedRound,
  chunks: Chunks,
  fitWeights: ResolvedWeights,
  impact: Float64Array,
  excludePair?: (requestId: string, offerId: string) => boolean,
): { offerOf: Int32Array; fitOf: Float64Array; proposals: number } {
  const nR = round.requests.length;
  const nO = round.offers.length;
  const k = chunks.k;
  // Each run edits its own copy of the lists when it extends them.
  const listOffer = chunks.offer.slice();
  const listFit = chunks.fit.slice();
  const listLength = chunks.length.slice();
  const complete = chunks.complete.slice();
  const pos = new Int32Array(nR);
  // Held candidates per offer: a min-heap (worst at the root) in a slice of one flat array.
  const base = new Int32Array(nO + 1);
  for (let o = 0; o < nO; o++) base[o + 1] = (base[o] as number) + (round.capacity[o] as number);
  const heldReq = new Int32Array(base[nO] as number);
  const heldPri = new Float64Array(base[nO] as number);
  const held = new Int32Array(nO);
  const offerOf = new Int32Array(nR).fill(-1);
  const fitOf = new Float64Array(nR);
  const buffers = chunkBuffers(k, listOffer, listFit);
  let proposals = 0;

  // worse(p1, r1, p2, r2): in a partner's order, (p1, r1) ranks below (p2, r2).
  const tieRank = round.tieRank;
  const worse = (p1: number, r1: number, p2: number, r2: number) =>
    p1 < p2 || (p1 === p2 && (tieRank[r1] as number) > (tieRank[r2] as number));

  // Stack of free requests; the DA outcome does not depend on the order in which free requests propose.
  const stack = new Int32Array(nR);
  let top = 0;
  for (let ri = nR - 1; ri >= 0; ri--) stack[top++] = ri;

  // Requests that used up their chunk wait here until every other free request has proposed: by then
  // most offers are full with strong candidates, so the extension scan can skip most of them unscored.
  const waiting: number[] = [];
  for (;;) {
    if (top === 0) {
      if (waiting.length === 0) break;
      for (const ri of waiting.splice(0)) {
        const last = ri * k + (listLength[ri] as number) - 1;
        const lastFit = listFit[last] as number;
        const imp = impact[ri] as number;
        const gate: Gate = {
          held,
          capacity: round.capacity,
          base,
          heldPri,
          heldReq,
          impact: imp,
          bestPriority: combineScore(lastFit, imp),
          tieRank,
          rank: tieRank[ri] as number,
        };
        const { length, complete: done } = buildChunk(
          round.index,
          round.offers,
          round.requests[ri] as PreparedRequest,
          fitWeights,
          k,
          lastFit,
          listOffer[last] as number,
          gate,
          buffers,
          ri * k,
          round.tieSeed[ri] as number,
        );
        listLength[ri] = length;
        pos[ri] = 0;
        complete[ri] = done ? 1 : 0;
        if (length > 0) stack[top++] = ri; // otherwise nothing left: stays unplaced
      }
      continue;
    }
    const ri = stack[--top] as number;
    const imp = impact[ri] as number;
    for (;;) {
      if ((pos[ri] as number) === (listLength[ri] as number)) {
        if (complete[ri] === 0 && (listLength[ri] as number) > 0) waiting.push(ri);
        break;
      }
      const slot = ri * k + (pos[ri] as number);
      pos[ri] = (pos[ri] as number) + 1;
      const oi = listOffer[slot] as number;
      if (
        excludePair?.(
          (round.requests[ri] as PreparedRequest).source.id,
          (round.offers[oi] as PreparedOffer).source.id,
        )
      )
        continue;
      const fit = listFit[slot] as number;
      const pri = combineScore(fit, imp);
      proposals++;
      const b = base[oi] as number;
      const h = held[oi] as number;
      const cap = round.capacity[oi] as number;
      if (h < cap) {
        // Free place: hold the proposal (sift up in the offer's min-heap).
        let i = h;
        held[oi] = h + 1;
        while (i > 0) {
          const p = (i - 1) >> 1;
          if (!worse(pri, ri, heldPri[b + p] as number, heldReq[b + p] as number)) break;
          heldPri[b + i] = heldPri[b + p] as number;
          heldReq[b + i] = heldReq[b + p] as number;
          i = p;
        }
        heldPri[b + i] = pri;
        heldReq[b + i] = ri;
        offerOf[ri] = oi;
        fitOf[ri] = fit;
        break;
      }
      if (!worse(heldPri[b] as number, heldReq[b] as number, pri, ri)) continue; // rejected, try next
      // Displace the worst held candidate, who becomes free again.
      const bumped = heldReq[b] as number;
      offerOf[bumped] = -1;
      stack[top++] = bumped;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= cap) break;
        let m = l;
        const rr = l + 1;
        if (
          rr < cap &&
          worse(
            heldPri[b + rr] as number,
            heldReq[b + rr] as number,
            heldPri[b + l] as number,
            heldReq[b + l] as number,
          )
        ) {
          m = rr;
        }
        if (!worse(heldPri[b + m] as number, heldReq[b + m] as number, pri, ri)) break;
        heldPri[b + i] = heldPri[b + m] as number;
        heldReq[b + i] = heldReq[b + m] as number;
        i = m;
      }
      heldPri[b + i] = pri;
      heldReq[b + i] = ri;
      offerOf[ri] = oi;
      fitOf[ri] = fit;
      break;
    }
  }
  return { offerOf, fitOf, proposals };
}

function summarise(
  round: Round,
  run: { offerOf: Int32Array; fitOf: Float64Array; proposals: number },
  impact: Float64Array,
  impactPriority: boolean,
): RoundResult {
  const assignments: Assignment[] = [];
  const unassigned: string[] = [];
  let totalScore = 0;
  let totalFit = 0;
  let highPoverty = 0;
  let highPovertyRequests = 0;
  round.requests.forEach((r, ri) => {
    if (r.highPoverty) highPovertyRequests++;
    const oi = run.offerOf[ri] as number;
    if (oi < 0) {
      unassigned.push(r.source.id);
      return;
    }
    const fit = run.fitOf[ri] as number;
    const imp = impact[ri] as number;
    const score = combineScore(fit, imp);
    totalScore += score;
    totalFit += fit;
    if (r.highPoverty) highPoverty++;
    assignments.push({
      requestId: r.source.id,
      offerId: (round.offers[oi] as PreparedOffer).source.id,
      fit,
      score,
      impact: imp,
    });
  });
  let capacity = 0;
  for (const c of round.capacity) capacity += c;
  const assigned = assignments.length;
  return {
    assignments,
    unassigned,
    report: {
      impactPriority,
      requestCount: round.requests.length,
      offerCount: round.offers.length,
      capacity,
      assignedCount: assigned,
      totalScore,
      totalFit,
      fillRate: capacity > 0 ? assigned / capacity : 0,
      requestPlacementRate: round.requests.length > 0 ? assigned / round.requests.length : 0,
      blockingPairs: null,
      highPovertyShare: assigned > 0 ? highPoverty / assigned : 0,
      highPovertyShareOfRequests: round.requests.length > 0 ? highPovertyRequests / round.requests.length : 0,
      proposals: run.proposals,
    },
  };
}

/**
 * Allocate a round: every open request to at most one open offer, within each offer's remaining places,
 * by UMKM-proposing deferred acceptance. Returns the assignments, the unplaced requests and a report
 * (total score, fill rate, blocking pairs, share of placed UMKM in high-poverty provinces), plus the same
 * round with impact priority off for comparison.
 *
 * @example
 * const round = allocateRound(openRequests, openOffers, { impact: { weight: 0.4, cap: 0.2 } });
 * round.report.blockingPairs;              // 0 (counted exhaustively on rounds up to 4M pairs)
 * round.report.highPovertyShare;           // e.g. 0.47
 * round.withoutImpact?.report.highPovertyShare; // e.g. 0.44 — what the policy changed
 * round.assignments[0];                    // { requestId, offerId, fit, score, impact }
 */
export function allocateRound(
  requests: readonly (MatchRequest | PreparedRequest)[],
  offers: readonly (MatchOffer | PreparedOffer)[],
  options: AllocationOptions = {},
): AllocationResult {
  const wOn = resolveWeights(options);
  const wFit = resolveWeights({ ...options, impact: false });
  const seed = options.seed ?? 0;
  const base = setUp(requests, offers, seed);
  const round: IndexedRound = { ...base, index: buildShortlistIndex(base.offers, base.offersByType, wFit) };
  const k = Math.max(1, Math.floor(options.preferenceChunk ?? 24));
  const chunks = firstChunks(round, wFit, k);
  const impactOn = Float64Array.from(round.requests, (r) => impactOf(r, wOn));
  const on = summarise(
    round,
    deferredAcceptance(round, chunks, wFit, impactOn, options.excludePair),
    impactOn,
    options.impact !== false,
  );
  const verify =
    options.verify === true ||
    ((options.verify ?? 'auto') === 'auto' && round.requests.length * round.offers.length <= 4_000_000);
  const withBlocking = (result: RoundResult, policy: ScoreOptions): RoundResult =>
    verify
      ? {
          ...result,
          report: {
            ...result.report,
            blockingPairs: countBlockingPairs(
              round.requests,
              round.offers,
              result.assignments,
              { ...policy, seed },
              options.excludePair,
            ),
          },
        }
      : result;
  const main = withBlocking(on, options);
  if (options.compareWithoutImpact === false) return main;
  const zero = new Float64Array(round.requests.length);
  const off = withBlocking(
    summarise(round, deferredAcceptance(round, chunks, wFit, zero, options.excludePair), zero, false),
    {
      ...options,
      impact: false,
    },
  );
  return { ...main, withoutImpact: off };
}

/**
 * Count blocking pairs exhaustively: pairs (request, offer), eligible under the hard filters, where the
 * UMKM prefers the offer to its assignment (or is unplaced) and the offer either has a free place or
 * prefers the request to its worst assigned one — using exactly the preferences of {@link allocateRound}
 * (pass the round's `seed`: ties are part of the preferences).
 * Checks every pair (O(requests × offers)); meant for tests, audits and benchmarks, not the request path.
 *
 * @example
 * const round = allocateRound(requests, offers);
 * countBlockingPairs(requests, offers, round.assignments); // → 0
 */
export function countBlockingPairs(
  requests: readonly (MatchRequest | PreparedRequest)[],
  offers: readonly (MatchOffer | PreparedOffer)[],
  assignments: readonly { readonly requestId: string; readonly offerId: string }[],
  options: ScoreOptions & { readonly seed?: number } = {},
  excludePair?: (requestId: string, offerId: string) => boolean,
): number {
  const round = setUp(requests, offers, options.seed ?? 0);
  const { tieRank, tieSeed } = round;
  const wOn = resolveWeights(options);
  const wFit = resolveWeights({ ...options, impact: false });
  const reqIndex = new Map(round.requests.map((r, i) => [r.source.id, i]));
  const offIndex = new Map(round.offers.map((o, i) => [o.source.id, i]));
  const nO = round.offers.length;
  const offerOf = new Int32Array(round.requests.length).fill(-1);
  const heldCount = new Int32Array(nO);
  // Worst held (priority, request index) per offer.
  const worstPri = new Float64Array(nO).fill(Number.POSITIVE_INFINITY);
  const worstReq = new Int32Array(nO).fill(-1);
  const fitOf = new Float64Array(round.requests.length);
  for (const a of assignments) {
    const ri = reqIndex.get(a.requestId);
    const oi = offIndex.get(a.offerId);
    if (ri === undefined || oi === undefined) continue;
    const r = round.requests[ri] as PreparedRequest;
    const fit = scorePrepared(r, round.offers[oi] as PreparedOffer, wFit, null);
    offerOf[ri] = oi;
    fitOf[ri] = fit;
    heldCount[oi] = (heldCount[oi] as number) + 1;
    const pri = combineScore(fit, impactOf(r, wOn));
    const wp = worstPri[oi] as number;
    const wr = worstReq[oi] as number;
    if (pri < wp || (pri === wp && (wr < 0 || (tieRank[ri] as number) > (tieRank[wr] as number)))) {
      worstPri[oi] = pri;
      worstReq[oi] = ri;
    }
  }
  let blocking = 0;
  round.requests.forEach((r, ri) => {
    const mine = offerOf[ri] as number;
    const myFit = fitOf[ri] as number;
    const imp = impactOf(r, wOn);
    for (let oi = 0; oi < nO; oi++) {
      if (oi === mine) continue;
      if (excludePair?.(r.source.id, (round.offers[oi] as PreparedOffer).source.id)) continue;
      const fit = scorePrepared(r, round.offers[oi] as PreparedOffer, wFit, null);
      if (fit < 0) continue;
      const umkmPrefers =
        mine < 0 || fit > myFit || (fit === myFit && tiedAfter(tieSeed[ri] as number, mine, oi));
      if (!umkmPrefers) continue;
      if ((heldCount[oi] as number) < (round.capacity[oi] as number)) {
        blocking++;
        continue;
      }
      const pri = combineScore(fit, imp);
      const wp = worstPri[oi] as number;
      if (pri > wp || (pri === wp && (tieRank[ri] as number) < (tieRank[worstReq[oi] as number] as number)))
        blocking++;
    }
  });
  return blocking;
}
