/**
 * The graph every round objective works on: for each request, the offers it may be given (its edges),
 * in the UMKM's order, with each pair's fit and what was stated about it.
 *
 * Which edges: every eligible pair when the round is small enough to score whole (`fullPairs`, default
 * requests × same-type offers ≤ 4 million: exact on every edge, as the HiGHS comparison in the benchmark
 * uses), otherwise the request's best `shortlist` offers by fit (`shortlist.ts`: the exact top k, found
 * without scoring every pair) plus every pair a UMKM shortlisted or a partner approved. Rejected and
 * declined pairs are never edges. The objectives are exact (or within a printed bound) *on these edges*.
 *
 * The graph is built in batches (`addRequests`) so a job can report progress between them, and is
 * shared by the three objectives and by the equity policy's search.
 */
import { resolveWeights, type ScoreOptions, scorePrepared } from './kernel';
import { indexPreferences, povertyPriority, type StatedPreferences } from './preferences';
import { type PreparedOffer, type PreparedRequest, prepareOffer, prepareRequest } from './prepare';
import { buildChunk, buildShortlistIndex, type ChunkBuffers } from './shortlist';
import type { MatchOffer, MatchRequest } from './types';

export interface RoundGraph {
  readonly requests: readonly PreparedRequest[];
  readonly offers: readonly PreparedOffer[];
  /** Places per offer (its remaining, never below 0). */
  readonly capacity: Int32Array;
  /** Edges of request i are `start[i] .. start[i+1]`, in the UMKM's order (stated first, then fit). */
  readonly start: Int32Array;
  readonly offer: Int32Array;
  readonly fit: Float64Array;
  /** Shortlist rank of the pair (0 = first wish), or -1 when not shortlisted. */
  readonly statedRank: Int32Array;
  /** 1 when the partner approved the pair. */
  readonly approved: Uint8Array;
  /** Equity priority per request, continuous in the poverty rate ({@link povertyPriority}). */
  readonly priority: Float64Array;
  /** Seeded tie-break keys: a lower key wins a tie. */
  readonly requestTie: Uint32Array;
  readonly offerTie: Uint32Array;
  /** True when every eligible pair is an edge (no shortlist truncation). */
  readonly complete: boolean;
  /** Pairs left out because a side rejected or declined them. */
  readonly excludedPairs: number;
  readonly seed: number;
}

export interface GraphOptions extends ScoreOptions {
  /** Best offers per request kept as edges when the round is too big to keep all (default 40). */
  readonly shortlist?: number;
  /** Keep every eligible pair when requests × same-type offers is at most this (default 4,000,000). */
  readonly fullPairs?: number;
  /** Seed of the tie-breaks (default 0). The same seed on the same data gives the same graph. */
  readonly seed?: number;
}

/** Thrown when two requests or two offers share an id. */
export class DuplicateRoundIdError extends Error {
  constructor(
    readonly side: 'request' | 'offer',
    readonly duplicateId: string,
  ) {
    super(`Duplicate ${side} id in allocation round: ${duplicateId}`);
    this.name = 'DuplicateRoundIdError';
  }
}

/** FNV-1a of the seed and a string: a stable pseudo-random tie key. */
export function tieKey(seed: number, id: string): number {
  let h = (0x811c9dc5 ^ (seed >>> 0)) >>> 0;
  h = Math.imul(h ^ (seed >>> 16), 0x01000193) >>> 0;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  // A final avalanche so near-identical ids do not get near-identical keys.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  return h >>> 0;
}

const sortedById = <T extends { readonly source: { readonly id: string } }>(
  items: T[],
  side: 'request' | 'offer',
): T[] => {
  items.sort((a, b) => (a.source.id < b.source.id ? -1 : a.source.id > b.source.id ? 1 : 0));
  for (let i = 1; i < items.length; i++) {
    const id = (items[i] as T).source.id;
    if (id === (items[i - 1] as T).source.id) throw new DuplicateRoundIdError(side, id);
  }
  return items;
};

export interface GraphBuilder {
  readonly requestCount: number;
  /** Adds the edges of requests `[from, to)` (call in order, in batches). */
  addRequests(from: number, to: number): void;
  /** The finished graph (after every request was added). */
  finish(): RoundGraph;
}

/**
 * Start a round graph. Input order does not matter (requests and offers are sorted by id; ties between
 * equal fits break on seeded keys).
 *
 * @example
 * const b = graphBuilder(requests, offers, { requests: [{ requestId: 'r1', shortlist: ['o2'] }] });
 * b.addRequests(0, b.requestCount);
 * const graph = b.finish();
 */
export function graphBuilder(
  requests: readonly (MatchRequest | PreparedRequest)[],
  offers: readonly (MatchOffer | PreparedOffer)[],
  stated: StatedPreferences = {},
  options: GraphOptions = {},
): GraphBuilder {
  const seed = (options.seed ?? 0) >>> 0;
  const rs = sortedById(
    requests.map((x) =>
      'kind' in x && x.kind === 'prepared-request' ? x : prepareRequest(x as MatchRequest),
    ),
    'request',
  );
  const os = sortedById(
    offers.map((x) => ('kind' in x && x.kind === 'prepared-offer' ? x : prepareOffer(x as MatchOffer))),
    'offer',
  );
  const w = resolveWeights({ ...options, impact: false });
  const buckets: number[][] = [[], [], []];
  os.forEach((o, i) => {
    if (o.remaining > 0) buckets[o.typeCode]?.push(i);
  });
  const offersByType = buckets.map((b) => Int32Array.from(b));
  const offerIndex = new Map(os.map((o, i) => [o.source.id, i]));
  const prefs = indexPreferences(stated);
  // Stated pairs per request, by offer index.
  const rankOf = new Map<string, Map<number, number>>();
  for (const [requestId, list] of prefs.shortlist) {
    const m = new Map<number, number>();
    list.forEach((offerId, rank) => {
      const oi = offerIndex.get(offerId);
      if (oi !== undefined) m.set(oi, rank);
    });
    rankOf.set(requestId, m);
  }
  const excludedOf = new Map<string, Set<number>>();
  for (const key of prefs.excluded) {
    const [requestId, offerId] = key.split('\u0000') as [string, string];
    const oi = offerIndex.get(offerId);
    if (oi === undefined) continue;
    const set = excludedOf.get(requestId) ?? new Set<number>();
    set.add(oi);
    excludedOf.set(requestId, set);
  }
  const approvedOf = new Map<string, Set<number>>();
  for (const [requestId, offerIds] of prefs.approvedOf) {
    const set = new Set<number>();
    for (const id of offerIds) {
      const oi = offerIndex.get(id);
      if (oi !== undefined) set.add(oi);
    }
    approvedOf.set(requestId, set);
  }

  const sameTypePairs = rs.reduce((n, r) => n + (offersByType[r.typeCode]?.length ?? 0), 0);
  const complete = sameTypePairs <= (options.fullPairs ?? 4_000_000);
  const k = Math.max(1, Math.floor(options.shortlist ?? 40));
  const index = complete ? null : buildShortlistIndex(os, offersByType, w);
  const chunkOffer = new Int32Array(k);
  const chunkFit = new Float64Array(k);
  const buffers: ChunkBuffers = {
    heapOffer: new Int32Array(k),
    heapFit: new Float64Array(k),
    outOffer: chunkOffer,
    outFit: chunkFit,
  };
  const offerTie = Uint32Array.from(os, (o) => tieKey(seed, o.source.id));

  const start = new Int32Array(rs.length + 1);
  // Edge columns as typed arrays grown by doubling (a shortlisted graph has about k edges per request).
  let cap = Math.max(16, Math.min(sameTypePairs, rs.length * (k + 2)));
  let eOffer = new Int32Array(cap);
  let eFit = new Float64Array(cap);
  let eRank = new Int32Array(cap);
  let eApproved = new Uint8Array(cap);
  let edges = 0;
  const push = (oi: number, fit: number, rank: number, approvedPair: number) => {
    if (edges === cap) {
      cap *= 2;
      const grow = <T extends Int32Array | Float64Array | Uint8Array>(a: T, b: T) => {
        b.set(a);
        return b;
      };
      eOffer = grow(eOffer, new Int32Array(cap));
      eFit = grow(eFit, new Float64Array(cap));
      eRank = grow(eRank, new Int32Array(cap));
      eApproved = grow(eApproved, new Uint8Array(cap));
    }
    eOffer[edges] = oi;
    eFit[edges] = fit;
    eRank[edges] = rank;
    eApproved[edges++] = approvedPair;
  };
  let excludedPairs = 0;
  let added = 0;

  const addRequest = (ri: number) => {
    const r = rs[ri] as PreparedRequest;
    const id = r.source.id;
    const excluded = excludedOf.get(id);
    const ranks = rankOf.get(id);
    const approved = approvedOf.get(id);
    const pairs = new Map<number, number>(); // offer index → fit
    if (complete) {
      for (const oi of offersByType[r.typeCode] ?? []) {
        const fit = scorePrepared(r, os[oi] as PreparedOffer, w, null);
        if (fit >= 0) pairs.set(oi, fit);
      }
    } else if (index !== null && r.typeCode >= 0) {
      const { length } = buildChunk(index, os, r, w, k, Number.POSITIVE_INFINITY, -1, null, buffers, 0, 0);
      if (ranks === undefined && approved === undefined && excluded === undefined) {
        // Nothing stated for this request (the common case): the chunk is already in fit order; only
        // runs of equal fit need the seeded order.
        const from = edges;
        for (let q = 0; q < length; q++) push(chunkOffer[q] as number, chunkFit[q] as number, -1, 0);
        for (let q = from + 1; q < edges; q++) {
          // Insertion step within equal fits (runs are short).
          let x = q;
          while (
            x > from &&
            eFit[x - 1] === eFit[x] &&
            (offerTie[eOffer[x - 1] as number] as number) > (offerTie[eOffer[x] as number] as number)
          ) {
            const t = eOffer[x - 1] as number;
            eOffer[x - 1] = eOffer[x] as number;
            eOffer[x] = t;
            x--;
          }
        }
        start[ri + 1] = edges;
        return;
      }
      for (let q = 0; q < length; q++) pairs.set(chunkOffer[q] as number, chunkFit[q] as number);
    }
    // Stated pairs are edges too (when the hard filters allow them), wherever they rank by fit.
    for (const extra of [ranks?.keys() ?? [], approved ?? []]) {
      for (const oi of extra) {
        if (pairs.has(oi)) continue;
        const o = os[oi] as PreparedOffer;
        if (o.remaining <= 0) continue;
        const fit = scorePrepared(r, o, w, null);
        if (fit >= 0) pairs.set(oi, fit);
      }
    }
    const list: number[] = [];
    for (const oi of pairs.keys()) {
      if (excluded?.has(oi)) {
        excludedPairs++;
        continue;
      }
      list.push(oi);
    }
    const rankFor = (oi: number) => ranks?.get(oi) ?? Number.POSITIVE_INFINITY;
    list.sort((a, b) => {
      const ra = rankFor(a);
      const rb = rankFor(b);
      if (ra !== rb) return ra < rb ? -1 : 1;
      const fa = pairs.get(a) as number;
      const fb = pairs.get(b) as number;
      if (fa !== fb) return fb - fa;
      return (offerTie[a] as number) - (offerTie[b] as number) || a - b;
    });
    for (const oi of list) {
      push(oi, pairs.get(oi) as number, ranks?.get(oi) ?? -1, approved?.has(oi) ? 1 : 0);
    }
    start[ri + 1] = edges;
  };

  return {
    requestCount: rs.length,
    addRequests(from, to) {
      if (from !== added) throw new RangeError(`graphBuilder: expected requests from ${added}, got ${from}`);
      const end = Math.min(to, rs.length);
      for (let ri = from; ri < end; ri++) addRequest(ri);
      added = Math.max(added, end);
    },
    finish() {
      if (added !== rs.length) addRequestsRest();
      const graph: RoundGraph = {
        requests: rs,
        offers: os,
        capacity: Int32Array.from(os, (o) => Math.max(0, o.remaining)),
        start,
        offer: eOffer.slice(0, edges),
        fit: eFit.slice(0, edges),
        statedRank: eRank.slice(0, edges),
        approved: eApproved.slice(0, edges),
        priority: Float64Array.from(rs, (r) => povertyPriority(r.source.business.province)),
        requestTie: Uint32Array.from(rs, (r) => tieKey(seed, r.source.id)),
        offerTie,
        complete,
        excludedPairs,
        seed,
      };
      eOffer = new Int32Array(0);
      eFit = new Float64Array(0);
      eRank = new Int32Array(0);
      eApproved = new Uint8Array(0);
      cap = 0;
      return graph;
    },
  };

  function addRequestsRest() {
    for (let ri = added; ri < rs.length; ri++) addRequest(ri);
    added = rs.length;
  }
}

/** Build a round graph in one go (see {@link graphBuilder}). */
export function buildRoundGraph(
  requests: readonly (MatchRequest | PreparedRequest)[],
  offers: readonly (MatchOffer | PreparedOffer)[],
  stated: StatedPreferences = {},
  options: GraphOptions = {},
): RoundGraph {
  const b = graphBuilder(requests, offers, stated, options);
  b.addRequests(0, b.requestCount);
  return b.finish();
}
