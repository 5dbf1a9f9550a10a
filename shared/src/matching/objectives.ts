/**
 * Round objectives an admin chooses between, on a {@link RoundGraph}:
 *
 * - `stable` — UMKM-proposing deferred acceptance over *stated* preferences: a UMKM proposes to its
 *   shortlisted offers first, in its order, then to the rest by fit; a partner keeps the candidates it
 *   approved first, then the rest by score (fit plus the equity priority). Scores only complete the
 *   orders and break ties (seeded). No UMKM and partner would both rather have each other
 *   (`blockingPairs.stated` = 0).
 * - `placements` — the most UMKM placed, every pair at least `minFit`, ties broken by total fit (then the
 *   equity priority). Solved as a weighted b-matching with value `BIG + fit + λ·priority` per pair, where
 *   `BIG` exceeds any total of fits, so one more placement always beats any fit difference.
 * - `welfare` — the largest total fit plus the equity weight: value `fit + λ·priority` per pair.
 *
 * `placements` and `welfare` run an auction (Bertsekas' forward–reverse auction with ε-scaling: each
 * place of an offer has a price, the offer's price is its cheapest place, and a UMKM may stay unplaced at
 * value 0). The equity search's later solves start from the previous solve's prices and places. The
 * auction ends with prices that prove how far it can be from the optimum: by LP duality,
 * `Σ_offers capacity·price + Σ_requests max(0, best value − price)` bounds every allocation of the graph
 * from above, so `bound.gap` is a certificate, not an estimate (the benchmark checks it against HiGHS).
 *
 * The equity policy ({@link EquityPolicy}) adds `λ·priority` (priority continuous in the province's
 * poverty rate) to what a partner sees in `stable` and to each pair's value in the other two. With a
 * `target`, λ is the smallest found (bisection) that lifts the high-poverty group's placement rate to
 * `target ×` the rest's; its *price* is the total fit given up against the same objective with λ = 0.
 */
import { DEFAULT_EQUITY, type EquityPolicy } from './preferences';
import type { PreparedOffer } from './prepare';
import type { RoundGraph } from './round-graph';

export type Objective = 'stable' | 'placements' | 'welfare';

/**
 * The equity search stops bisecting λ once it could save at most this share of the total fit (0.1%,
 * against the 3% the policy may cost): finer λ changes the round by less than that.
 */
export const PRICE_TOLERANCE = 0.001;
export const OBJECTIVES: readonly Objective[] = ['stable', 'placements', 'welfare'];

export interface ObjectiveOptions {
  /** Pairs below this fit are never assigned (default 0; the API defaults `placements` to 0.3). */
  readonly minFit?: number;
  readonly equity?: EquityPolicy;
  /** Final auction step (default 1e-4): the bound is at most about placed × ε above the value. */
  readonly epsilon?: number;
  /** Most solves the equity target's search may use (default 8, the first being λ = 0). */
  readonly maxSolves?: number;
  /** Called with a fraction in [0, 1] as the solves progress. */
  readonly onProgress?: (fraction: number) => void;
}

/** One placed request, with what decided it. */
export interface RoundAssignment {
  readonly requestId: string;
  readonly offerId: string;
  readonly fit: number;
  /** The UMKM's shortlist rank of this offer (0 = first wish), or null when not shortlisted. */
  readonly statedRank: number | null;
  readonly approved: boolean;
  /** Equity priority of the UMKM (continuous in poverty rate, in [0, 1]). */
  readonly priority: number;
  readonly highPoverty: boolean;
}

export interface GroupCount {
  readonly requests: number;
  readonly placed: number;
}

export interface RoundSummary {
  readonly objective: Objective;
  readonly requests: number;
  readonly offers: number;
  readonly slots: number;
  readonly placed: number;
  readonly totalFit: number;
  readonly fillRate: number;
  readonly minFit: number;
  /** Blocking pairs over the graph's edges: against stated orders and against pure scores. */
  readonly blockingPairs: { readonly stated: number; readonly score: number };
  /** Organisations with an offer in the round and no placement. */
  readonly partnersWithNothing: number;
  readonly groups: { readonly highPoverty: GroupCount; readonly rest: GroupCount };
  readonly sizeClasses: Readonly<Record<string, GroupCount>>;
  readonly equity: {
    readonly target: number | null;
    /** λ used. */
    readonly weight: number;
    readonly reached: boolean;
    /** Total fit of the same objective with λ = 0, and what the policy cost against it. */
    readonly totalFitWithout: number;
    readonly price: number;
  };
  /** For `placements` and `welfare`: the objective's value and the auction's dual upper bound. */
  readonly bound: {
    readonly value: number;
    readonly upperBound: number;
    /** (upperBound − value) / upperBound: a proven bound on the distance to the optimum on these edges. */
    readonly gap: number;
    /** `placements`: the exact maximum number of placements on these edges (this round reaches it). */
    readonly maxPlacements?: number;
  } | null;
  readonly edges: number;
  readonly completeGraph: boolean;
  readonly excludedPairs: number;
}

export interface ObjectiveResult {
  /** Sorted by request id. */
  readonly assignments: readonly RoundAssignment[];
  readonly summary: RoundSummary;
}

// ── Deferred acceptance over stated preferences ──────────────────────────────────────────────────

/** Partner key of edge e for request i: approved first (a large step), then fit + λ·priority. */
const partnerKey = (g: RoundGraph, e: number, i: number, lambda: number) =>
  (g.approved[e] as number) * 1e6 + (g.fit[e] as number) + lambda * (g.priority[i] as number);

/** Returns the chosen edge per request (-1 = unplaced). */
function stableRun(g: RoundGraph, minFit: number, lambda: number): Int32Array {
  const nR = g.requests.length;
  const nO = g.offers.length;
  const base = new Int32Array(nO + 1);
  for (let o = 0; o < nO; o++) base[o + 1] = (base[o] as number) + (g.capacity[o] as number);
  const heldReq = new Int32Array(base[nO] as number);
  const heldKey = new Float64Array(base[nO] as number);
  const held = new Int32Array(nO);
  const chosen = new Int32Array(nR).fill(-1);
  const pos = Int32Array.from(g.start.subarray(0, nR));
  const tie = g.requestTie;
  // (k1, r1) ranks below (k2, r2) in a partner's order.
  const worse = (k1: number, r1: number, k2: number, r2: number) =>
    k1 < k2 || (k1 === k2 && ((tie[r1] as number) > (tie[r2] as number) || (tie[r1] === tie[r2] && r1 > r2)));
  const stack: number[] = [];
  for (let i = nR - 1; i >= 0; i--) stack.push(i);
  while (stack.length > 0) {
    const i = stack.pop() as number;
    const end = g.start[i + 1] as number;
    while ((pos[i] as number) < end) {
      const e = pos[i] as number;
      pos[i] = e + 1;
      if ((g.fit[e] as number) < minFit) continue;
      const o = g.offer[e] as number;
      const cap = g.capacity[o] as number;
      if (cap <= 0) continue;
      const key = partnerKey(g, e, i, lambda);
      const b = base[o] as number;
      const h = held[o] as number;
      if (h < cap) {
        let x = h;
        held[o] = h + 1;
        while (x > 0) {
          const p = (x - 1) >> 1;
          if (!worse(key, i, heldKey[b + p] as number, heldReq[b + p] as number)) break;
          heldKey[b + x] = heldKey[b + p] as number;
          heldReq[b + x] = heldReq[b + p] as number;
          x = p;
        }
        heldKey[b + x] = key;
        heldReq[b + x] = i;
        chosen[i] = e;
        break;
      }
      if (!worse(heldKey[b] as number, heldReq[b] as number, key, i)) continue;
      const bumped = heldReq[b] as number;
      chosen[bumped] = -1;
      stack.push(bumped);
      siftRootDown(heldKey, heldReq, b, cap, key, i, worse);
      chosen[i] = e;
      break;
    }
  }
  return chosen;
}

function siftRootDown(
  keys: Float64Array,
  reqs: Int32Array,
  b: number,
  size: number,
  key: number,
  req: number,
  worse: (k1: number, r1: number, k2: number, r2: number) => boolean,
) {
  let x = 0;
  for (;;) {
    const l = 2 * x + 1;
    if (l >= size) break;
    let m = l;
    const r = l + 1;
    if (
      r < size &&
      worse(keys[b + r] as number, reqs[b + r] as number, keys[b + l] as number, reqs[b + l] as number)
    )
      m = r;
    if (!worse(keys[b + m] as number, reqs[b + m] as number, key, req)) break;
    keys[b + x] = keys[b + m] as number;
    reqs[b + x] = reqs[b + m] as number;
    x = m;
  }
  keys[b + x] = key;
  reqs[b + x] = req;
}

// ── Auction for weighted b-matching ──────────────────────────────────────────────────────────────

/** Where an auction ended: slot prices and holders, and per request its edge and its slot's price. */
interface AuctionState {
  readonly price: Float64Array;
  readonly holder: Int32Array;
  readonly chosen: Int32Array;
  readonly paid: Float64Array;
}

interface AuctionResult {
  readonly chosen: Int32Array;
  readonly value: number;
  readonly upperBound: number;
  readonly state: AuctionState;
}

/** ε-scaling: the first phase's ε is this share of the largest value; each next phase's is 8× smaller. */
const FIRST_EPSILON = 1 / 16;
const EPSILON_RATIO = 8;
/** A warm start's first ε: this share of the most any request now falls short of its best. */
const WARM_EPSILON = 0.1;

/**
 * Maximise Σ value over chosen edges, each request at most one edge, each offer at most its capacity.
 * `value[e] < 0` marks an unusable edge. Returns the chosen edges, the dual upper bound at the final
 * prices, and the state a later auction on the same graph can start from (`warm`).
 *
 * An offer's places are slots, each with a price, in a min-heap (the offer's price is its cheapest
 * slot); staying unplaced is worth 0. The invariant (ε-complementary slackness): every placed request
 * is within ε of the best it could get at the current prices, every unplaced one could gain at most ε
 * — so at the end, with every empty slot at price 0, the dual bound is within about (placed · ε) of
 * the value.
 *
 * - Forward steps: a request bids for its best offer's cheapest slot, raising its price by its margin
 *   over the second best (another offer, the offer's next slot, or staying out) plus ε; a request it
 *   displaces bids again.
 * - ε-scaling: one forward pass from `floor` prices with a large ε, so price wars settle in a few large
 *   steps (unplaced requests outbidding each other by a tiny ε each made a single-phase auction take
 *   3.1 million bids on the 20k round), then
 *   phases with ε eight times smaller from the last one's prices and places, down to `epsilonFinal`:
 *   each phase moves only the requests no longer within the new ε (they leave their place and bid).
 * - Reverse steps (Bertsekas' forward–reverse auction): a place left empty at a price above 0 (a
 *   request left it) lowers its offer's price to where the second most interested request would take
 *   it, less ε, and takes the most interested one (whose own place may then need the same), or drops
 *   to 0 when nobody gains from it. Both kinds of step keep the invariant.
 *
 * `warm`: an earlier auction's state on the same graph with other values (the equity search's next λ,
 * or `placements` with a larger `big`): the requests not within ε at the new values and the unplaced
 * bid again, with ε-scaling from a tenth of the most any request falls short. Where every edge of a
 * request changes by the same amount (as there), the placed stay within ε and only the unplaced start
 * bidding: on the 20k round about 40% of a cold start's steps.
 *
 * `floor`: where a cold start's prices begin — a value every usable edge has (`placements`' `big`), so
 * the climb there is skipped; places nobody takes fall back to 0 in reverse steps.
 */
function auction(
  g: RoundGraph,
  value: Float64Array,
  epsilonFinal: number,
  warm: AuctionState | null = null,
  floor = 0,
): AuctionResult {
  const nR = g.requests.length;
  const nO = g.offers.length;
  const base = new Int32Array(nO + 1);
  for (let o = 0; o < nO; o++) base[o + 1] = (base[o] as number) + (g.capacity[o] as number);
  const slots = base[nO] as number;
  const price = warm ? warm.price.slice() : new Float64Array(slots).fill(floor);
  const holder = warm ? warm.holder.slice() : new Int32Array(slots).fill(-1);
  const chosen = warm ? warm.chosen.slice() : new Int32Array(nR).fill(-1);
  const paid = warm ? warm.paid.slice() : new Float64Array(nR);
  const queue = new Int32Array(nR);
  // Per request: its offer (-1 = unplaced) and what it has there (value less price), kept up to date.
  const at = new Int32Array(nR).fill(-1);
  const prof = new Float64Array(nR);
  // The usable edges only (value ≥ 0, an offer with places), each request's in the graph's order, with
  // the value and the offer's first slot side by side: the bidding loop reads two flat arrays instead of
  // four lookups per edge.
  const cStart = new Int32Array(nR + 1);
  let usable = 0;
  for (let i = 0; i < nR; i++) {
    const end = g.start[i + 1] as number;
    for (let e = g.start[i] as number; e < end; e++) {
      const o = g.offer[e] as number;
      if ((value[e] as number) >= 0 && (base[o] as number) < (base[o + 1] as number)) usable++;
    }
    cStart[i + 1] = usable;
  }
  const cValue = new Float64Array(usable);
  const cSlot = new Int32Array(usable);
  const cEdge = new Int32Array(usable);
  let maxValue = 0;
  for (let i = 0, k = 0; i < nR; i++) {
    const end = g.start[i + 1] as number;
    for (let e = g.start[i] as number; e < end; e++) {
      const o = g.offer[e] as number;
      const v = value[e] as number;
      if (v < 0 || (base[o] as number) === (base[o + 1] as number)) continue;
      if (v > maxValue) maxValue = v;
      cValue[k] = v;
      cSlot[k] = base[o] as number;
      cEdge[k++] = e;
    }
  }
  for (let i = 0; i < nR; i++) {
    const e = chosen[i] as number;
    if (e < 0) continue;
    at[i] = g.offer[e] as number;
    prof[i] = (value[e] as number) - (paid[i] as number);
  }
  // Requests in seeded order: the outcome's ties follow the seed.
  const order = Int32Array.from({ length: nR }, (_, i) => i).sort(
    (a, b) => (g.requestTie[a] as number) - (g.requestTie[b] as number) || a - b,
  );

  // Slot heaps: (price, holder) pairs move together.
  const siftDown = (s: number, size: number, x0: number) => {
    const p = price[s + x0] as number;
    const h = holder[s + x0] as number;
    let x = x0;
    for (;;) {
      const l = 2 * x + 1;
      if (l >= size) break;
      let m = l;
      if (l + 1 < size && (price[s + l + 1] as number) < (price[s + l] as number)) m = l + 1;
      if ((price[s + m] as number) >= p) break;
      price[s + x] = price[s + m] as number;
      holder[s + x] = holder[s + m] as number;
      x = m;
    }
    price[s + x] = p;
    holder[s + x] = h;
  };
  const siftUp = (s: number, x0: number) => {
    const p = price[s + x0] as number;
    const h = holder[s + x0] as number;
    let x = x0;
    while (x > 0) {
      const up = (x - 1) >> 1;
      if ((price[s + up] as number) <= p) break;
      price[s + x] = price[s + up] as number;
      holder[s + x] = holder[s + up] as number;
      x = up;
    }
    price[s + x] = p;
    holder[s + x] = h;
  };
  /**
   * Request i leaves its place. Its offer's cheapest slot is the one left empty (the holder there moves
   * into i's slot at its own price): the offer's price stays, and its next bid fills the place without
   * displacing anyone. Returns the offer.
   */
  const leave = (i: number) => {
    const o = at[i] as number;
    const s = base[o] as number;
    let y = s;
    while (holder[y] !== i) y++;
    if (y !== s) {
      holder[y] = holder[s] as number;
      price[y] = price[s] as number;
      siftUp(s, y - s);
    }
    holder[s] = -1;
    chosen[i] = -1;
    at[i] = -1;
    prof[i] = 0;
    return o;
  };

  /** Forward steps at `eps` from the first `count` requests of the queue until none is left to bid. */
  const forward = (eps: number, count: number) => {
    let head = 0;
    let tail = count;
    let pending = count;
    while (pending > 0) {
      const i = queue[head++ % nR] as number;
      pending--;
      let best = Number.NEGATIVE_INFINITY;
      let second = 0; // staying unplaced is worth 0
      let bestK = -1;
      const end = cStart[i + 1] as number;
      for (let k = cStart[i] as number; k < end; k++) {
        const net = (cValue[k] as number) - (price[cSlot[k] as number] as number);
        if (net > best) {
          if (best > second) second = best;
          best = net;
          bestK = k;
        } else if (net > second) second = net;
      }
      if (bestK < 0 || best <= 0) continue; // unplaced is at least as good: it stays out
      const s = cSlot[bestK] as number;
      const bestE = cEdge[bestK] as number;
      const size = g.capacity[g.offer[bestE] as number] as number;
      // The offer's next cheapest slot is an alternative too.
      if (size > 1) {
        const next = Math.min(price[s + 1] as number, size > 2 ? (price[s + 2] as number) : Infinity);
        if ((cValue[bestK] as number) - next > second) second = (cValue[bestK] as number) - next;
      }
      const bid = (price[s] as number) + best - second + eps;
      const evicted = holder[s] as number;
      if (evicted >= 0) {
        chosen[evicted] = -1;
        at[evicted] = -1;
        prof[evicted] = 0;
        queue[tail++ % nR] = evicted;
        pending++;
      }
      price[s] = bid;
      holder[s] = i;
      siftDown(s, size, 0);
      chosen[i] = bestE;
      at[i] = g.offer[bestE] as number;
      paid[i] = bid;
      prof[i] = (cValue[bestK] as number) - bid;
    }
  };

  /**
   * The requests to bid at `eps`, into the queue: the unplaced, and the placed no longer within `eps`
   * of their best (they leave their place). Returns the count.
   */
  const requeue = (eps: number) => {
    let count = 0;
    for (const i of order) {
      const mine = chosen[i] as number;
      if (mine >= 0) {
        let best = 0;
        for (let k = cStart[i] as number; k < (cStart[i + 1] as number); k++) {
          const net = (cValue[k] as number) - (price[cSlot[k] as number] as number);
          if (net > best) best = net;
        }
        if ((value[mine] as number) >= 0 && (prof[i] as number) >= best - eps) continue;
        leave(i);
      }
      queue[count++] = i;
    }
    return count;
  };

  // Reverse steps need each offer's requests (its usable edges): built on the first one.
  let inStart: Int32Array | null = null;
  let inEdge = new Int32Array(0);
  let inReq = new Int32Array(0);
  let inValue = new Float64Array(0);
  const incoming = () => {
    const starts = new Int32Array(nO + 1);
    const slotOffer = new Int32Array(slots);
    for (let o = 0; o < nO; o++) slotOffer.fill(o, base[o] as number, base[o + 1] as number);
    for (let k = 0; k < usable; k++) {
      const o = slotOffer[cSlot[k] as number] as number;
      starts[o + 1] = (starts[o + 1] as number) + 1;
    }
    for (let o = 0; o < nO; o++) starts[o + 1] = (starts[o + 1] as number) + (starts[o] as number);
    const fill = starts.slice(0, nO);
    inEdge = new Int32Array(usable);
    inReq = new Int32Array(usable);
    inValue = new Float64Array(usable);
    for (let i = 0; i < nR; i++) {
      for (let k = cStart[i] as number; k < (cStart[i + 1] as number); k++) {
        const o = slotOffer[cSlot[k] as number] as number;
        const a = fill[o] as number;
        fill[o] = a + 1;
        inEdge[a] = k;
        inReq[a] = i;
        inValue[a] = cValue[k] as number;
      }
    }
    return starts;
  };
  const queued = new Uint8Array(nO);
  const offerQueue: number[] = [];
  /** Queue offer o for a reverse step when a slot of it is empty at a price above 0. */
  const check = (o: number) => {
    if (queued[o] === 1) return;
    for (let y = base[o] as number; y < (base[o + 1] as number); y++) {
      if (holder[y] === -1 && (price[y] as number) > 0) {
        queued[o] = 1;
        offerQueue.push(o);
        return;
      }
    }
  };

  /** Reverse steps at `eps` until no slot is empty at a price above 0. */
  const reverse = (eps: number) => {
    offerQueue.length = 0;
    for (let o = 0; o < nO; o++) check(o);
    for (let q = 0; q < offerQueue.length; q++) {
      const o = offerQueue[q] as number;
      queued[o] = 0;
      const s = base[o] as number;
      const size = (base[o + 1] as number) - s;
      let x = 0;
      while (x < size && (holder[s + x] !== -1 || (price[s + x] as number) <= 0)) x++;
      if (x === size) continue;
      if (inStart === null) inStart = incoming();
      // The most and second most interested requests not placed here: the place's value to them less
      // what they have now.
      let best = Number.NEGATIVE_INFINITY;
      let second = 0; // staying empty at price 0
      let bestAt = -1;
      const end = inStart[o + 1] as number;
      for (let a = inStart[o] as number; a < end; a++) {
        const i = inReq[a] as number;
        if (at[i] === o) continue;
        const gain = (inValue[a] as number) - (prof[i] as number);
        if (gain > best) {
          if (best > second) second = best;
          best = gain;
          bestAt = a;
        } else if (gain > second) second = gain;
      }
      // Every slot of the offer drops to the new price (no slot was below it: everyone is within ε
      // of its cheapest); the most interested request, if it gains, takes the empty one.
      const p = bestAt >= 0 && best > 0 ? Math.max(0, second - eps) : 0;
      for (let y = 0; y < size; y++) {
        price[s + y] = p;
        const h = holder[s + y] as number;
        if (h < 0) continue;
        paid[h] = p;
        prof[h] = (value[chosen[h] as number] as number) - p;
      }
      if (bestAt >= 0 && best > 0) {
        const i = inReq[bestAt] as number;
        if ((chosen[i] as number) >= 0) check(leave(i));
        holder[s + x] = i;
        chosen[i] = cEdge[inEdge[bestAt] as number] as number;
        at[i] = o;
        paid[i] = p;
        prof[i] = (inValue[bestAt] as number) - p;
      }
      check(o);
    }
  };

  // ε-scaling phases; a warm start runs the final ε only.
  let eps = Math.max(epsilonFinal, maxValue * FIRST_EPSILON);
  if (warm !== null) {
    // From the largest amount by which a request now falls short of its best (the values' change).
    let short = 0;
    for (let i = 0; i < nR; i++) {
      let best = 0;
      for (let k = cStart[i] as number; k < (cStart[i + 1] as number); k++) {
        const net = (cValue[k] as number) - (price[cSlot[k] as number] as number);
        if (net > best) best = net;
      }
      short = Math.max(short, best - (prof[i] as number));
    }
    eps = Math.min(eps, Math.max(epsilonFinal, short * WARM_EPSILON));
  }
  for (let phase = 0; ; phase++) {
    if (phase === 0 && warm === null) {
      queue.set(order);
      forward(eps, nR);
    } else {
      forward(eps, requeue(eps));
    }
    reverse(eps);
    if (eps <= epsilonFinal) break;
    eps = Math.max(epsilonFinal, eps / EPSILON_RATIO);
  }

  let total = 0;
  for (let i = 0; i < nR; i++) if ((chosen[i] as number) >= 0) total += value[chosen[i] as number] as number;
  // Dual bound at the final prices (offer price = its cheapest slot).
  let upper = 0;
  for (let o = 0; o < nO; o++) {
    const s = base[o] as number;
    if (s < (base[o + 1] as number)) upper += (g.capacity[o] as number) * (price[s] as number);
  }
  for (let i = 0; i < nR; i++) {
    let best = 0;
    const end = cStart[i + 1] as number;
    for (let k = cStart[i] as number; k < end; k++) {
      const net = (cValue[k] as number) - (price[cSlot[k] as number] as number);
      if (net > best) best = net;
    }
    upper += best;
  }
  return {
    chosen,
    value: total,
    upperBound: Math.max(upper, total),
    state: { price, holder, chosen, paid },
  };
}

// ── Evaluation ───────────────────────────────────────────────────────────────────────────────────

/** Blocking pairs over the graph's edges, under stated-first orders or under scores alone. */
function blockingPairs(g: RoundGraph, chosen: Int32Array, minFit: number, lambda: number, stated: boolean) {
  const nR = g.requests.length;
  const nO = g.offers.length;
  const count = new Int32Array(nO);
  const worstKey = new Float64Array(nO).fill(Number.POSITIVE_INFINITY);
  const worstReq = new Int32Array(nO).fill(-1);
  const tie = g.requestTie;
  const keyOf = (e: number, i: number) =>
    stated ? partnerKey(g, e, i, lambda) : (g.fit[e] as number) + lambda * (g.priority[i] as number);
  const below = (k1: number, r1: number, k2: number, r2: number) =>
    k1 < k2 || (k1 === k2 && ((tie[r1] as number) > (tie[r2] as number) || (tie[r1] === tie[r2] && r1 > r2)));
  for (let i = 0; i < nR; i++) {
    const e = chosen[i] as number;
    if (e < 0) continue;
    const o = g.offer[e] as number;
    count[o] = (count[o] as number) + 1;
    const k = keyOf(e, i);
    if (worstReq[o] === -1 || below(k, i, worstKey[o] as number, worstReq[o] as number)) {
      worstKey[o] = k;
      worstReq[o] = i;
    }
  }
  // UMKM order under scores alone: fit desc, then the seeded offer tie.
  const umkmBefore = (e1: number, e2: number) => {
    const f1 = g.fit[e1] as number;
    const f2 = g.fit[e2] as number;
    if (f1 !== f2) return f1 > f2;
    const t1 = g.offerTie[g.offer[e1] as number] as number;
    const t2 = g.offerTie[g.offer[e2] as number] as number;
    return t1 < t2 || (t1 === t2 && (g.offer[e1] as number) < (g.offer[e2] as number));
  };
  let blocking = 0;
  for (let i = 0; i < nR; i++) {
    const mine = chosen[i] as number;
    const end = g.start[i + 1] as number;
    for (let e = g.start[i] as number; e < end; e++) {
      if (e === mine) continue;
      if ((g.fit[e] as number) < minFit) continue;
      // Stated: edges are in the UMKM's stated-first order, so "prefers" = comes earlier.
      const prefers = mine < 0 || (stated ? e < mine : umkmBefore(e, mine));
      if (!prefers) continue;
      const o = g.offer[e] as number;
      if ((g.capacity[o] as number) === 0) continue;
      if ((count[o] as number) < (g.capacity[o] as number)) {
        blocking++;
        continue;
      }
      if (below(worstKey[o] as number, worstReq[o] as number, keyOf(e, i), i)) blocking++;
    }
  }
  return blocking;
}

interface Run {
  readonly chosen: Int32Array;
  readonly bound: RoundSummary['bound'];
  /** `placements`: the scale of `big` that reached the most placements (see `solve`). */
  readonly scale: number;
  /** Where the auction ended (`placements` and `welfare`): the next solve on the graph starts there. */
  readonly state: AuctionState | null;
}

/**
 * The most requests that can be placed on the graph's edges with fit ≥ minFit (a maximum b-matching:
 * augmenting paths from every request left out of the start — `start`'s edges per request, or a greedy
 * one — each a breadth-first search over alternating edges). Exact; used to certify that `placements`
 * placed as many as possible.
 */
export function maxPlacements(g: RoundGraph, minFit: number, start?: Int32Array): number {
  const nR = g.requests.length;
  const nO = g.offers.length;
  const load = new Int32Array(nO);
  const match = new Int32Array(nR).fill(-1); // chosen edge per request
  // Requests holding each offer, as linked lists over request indices.
  const headOf = new Int32Array(nO).fill(-1);
  const next = new Int32Array(nR).fill(-1);
  const prev = new Int32Array(nR).fill(-1);
  const link = (i: number, o: number) => {
    next[i] = headOf[o] as number;
    prev[i] = -1;
    if ((headOf[o] as number) >= 0) prev[headOf[o] as number] = i;
    headOf[o] = i;
    load[o] = (load[o] as number) + 1;
  };
  const unlink = (i: number, o: number) => {
    if ((prev[i] as number) >= 0) next[prev[i] as number] = next[i] as number;
    else headOf[o] = next[i] as number;
    if ((next[i] as number) >= 0) prev[next[i] as number] = prev[i] as number;
    load[o] = (load[o] as number) - 1;
  };
  let placed = 0;
  for (let i = 0; i < nR; i++) {
    const given = start?.[i] ?? -1;
    if (given >= 0) {
      match[i] = given;
      link(i, g.offer[given] as number);
      placed++;
      continue;
    }
    if (start !== undefined) continue;
    for (let e = g.start[i] as number; e < (g.start[i + 1] as number); e++) {
      const o = g.offer[e] as number;
      if ((g.fit[e] as number) >= minFit && (load[o] as number) < (g.capacity[o] as number)) {
        match[i] = e;
        link(i, o);
        placed++;
        break;
      }
    }
  }
  // BFS over offers from a free request; parent pointers give the path to flip. Offers reached by a
  // search that found no free place stay marked until the next augmentation: nothing beyond them can
  // lead to a free place while the matching is unchanged, so later searches skip them.
  const seenOffer = new Int32Array(nO).fill(-1);
  let epoch = 0;
  const viaEdge = new Int32Array(nO);
  const viaReq = new Int32Array(nO);
  const queue = new Int32Array(nR + 1);
  for (let root = 0; root < nR; root++) {
    if ((match[root] as number) >= 0) continue;
    let head = 0;
    let tail = 0;
    queue[tail++] = root;
    let found = -1;
    search: while (head < tail) {
      const i = queue[head++] as number;
      for (let e = g.start[i] as number; e < (g.start[i + 1] as number); e++) {
        if ((g.fit[e] as number) < minFit || e === match[i]) continue;
        const o = g.offer[e] as number;
        if ((g.capacity[o] as number) === 0 || seenOffer[o] === epoch) continue;
        seenOffer[o] = epoch;
        viaEdge[o] = e;
        viaReq[o] = i;
        if ((load[o] as number) < (g.capacity[o] as number)) {
          found = o;
          break search;
        }
        for (let j = headOf[o] as number; j >= 0; j = next[j] as number) queue[tail++] = j;
      }
    }
    if (found < 0) continue;
    // Flip the path: each request on it moves to the offer it reached, freeing its previous one.
    let o = found;
    for (;;) {
      const i = viaReq[o] as number;
      const old = match[i] as number;
      if (old >= 0) unlink(i, g.offer[old] as number);
      match[i] = viaEdge[o] as number;
      link(i, o);
      if (old < 0) break;
      o = g.offer[old] as number;
    }
    placed++;
    epoch++;
  }
  return placed;
}

function solve(
  g: RoundGraph,
  objective: Objective,
  minFit: number,
  lambda: number,
  epsilon: number,
  scale = 1,
  from: Run | null = null,
): Run {
  if (objective === 'stable')
    return { chosen: stableRun(g, minFit, lambda), bound: null, scale, state: null };
  // placements: each placement is worth `big` on top of its fit and priority. A moderate `big` keeps the
  // auction fast; the run is certified against the exact maximum number of placements and `big`
  // quadrupled until it reaches it — then no allocation with as many placements has more fit than the
  // bound allows. `scale` starts `big` at (1 + λ)·scale: the equity search passes the scale the previous
  // solve needed, so the same graph does not repeat the auctions that fell short (one per solve). Each
  // auction after the first starts from where the last one ended (`from`, then the run that fell short):
  // values differ from its by the same amount on every edge of a request.
  let big = objective === 'placements' ? (1 + lambda) * scale : 0;
  let used = scale;
  let warm = from?.state ?? null;
  for (;;) {
    const value = new Float64Array(g.fit.length);
    for (let i = 0; i < g.requests.length; i++) {
      const bonus = lambda * (g.priority[i] as number);
      for (let e = g.start[i] as number; e < (g.start[i + 1] as number); e++) {
        const fit = g.fit[e] as number;
        value[e] = fit < minFit || (objective === 'welfare' && fit + bonus <= 0) ? -1 : big + fit + bonus;
      }
    }
    // Every usable pair is worth at least `big`: prices start there (places nobody takes fall to 0).
    const result = auction(g, value, epsilon, warm, big);
    warm = result.state;
    let placed = 0;
    for (const e of result.chosen) if (e >= 0) placed++;
    const most = objective === 'placements' ? maxPlacements(g, minFit, result.chosen) : 0;
    if (objective === 'placements' && placed < most && big < 1e6) {
      big *= 4;
      used *= 4;
      continue;
    }
    const gap = result.upperBound - result.value;
    return {
      chosen: result.chosen,
      scale: used,
      state: result.state,
      bound: {
        value: result.value,
        upperBound: result.upperBound,
        gap: result.upperBound > 0 ? gap / result.upperBound : 0,
        ...(objective === 'placements' ? { maxPlacements: most } : {}),
      },
    };
  }
}

function groupRates(g: RoundGraph, chosen: Int32Array) {
  let hiR = 0;
  let hiP = 0;
  let reR = 0;
  let reP = 0;
  let totalFit = 0;
  g.requests.forEach((r, i) => {
    const placed = (chosen[i] as number) >= 0;
    if (placed) totalFit += g.fit[chosen[i] as number] as number;
    if (r.highPoverty) {
      hiR++;
      if (placed) hiP++;
    } else {
      reR++;
      if (placed) reP++;
    }
  });
  return {
    highPoverty: { requests: hiR, placed: hiP },
    rest: { requests: reR, placed: reP },
    totalFit,
    hiRate: hiR > 0 ? hiP / hiR : 1,
    restRate: reR > 0 ? reP / reR : 1,
  };
}

/**
 * Run one objective on a round graph, with the equity policy (default: the high-poverty group's
 * placement rate at least the rest's).
 *
 * @example
 * const graph = buildRoundGraph(requests, offers, stated, { seed: 7 });
 * const { summary } = runObjective(graph, 'welfare');
 * summary.groups.highPoverty; // { requests, placed }
 * summary.bound;              // { value, upperBound, gap } — gap is a proven bound
 */
export function runObjective(
  g: RoundGraph,
  objective: Objective,
  options: ObjectiveOptions = {},
): ObjectiveResult {
  const minFit = Math.max(0, options.minFit ?? 0);
  const epsilon = options.epsilon ?? 1e-4;
  const equity = options.equity ?? DEFAULT_EQUITY;
  const target = equity.weight !== undefined ? null : (equity.target ?? 1);
  const progress = options.onProgress;
  const reachedAt = (chosen: Int32Array) => {
    const r = groupRates(g, chosen);
    return target === null || r.hiRate >= target * r.restRate - 1e-12;
  };
  let solves = 0;
  const maxSolves = options.maxSolves ?? 8;
  let scale = 1;
  // Each solve after the first starts from the auction of a smaller λ (values only rise, by the same
  // amount on every edge of a request: every placed request stays within ε of its best choice).
  const run = (lambda: number, from: Run | null) => {
    const out = solve(g, objective, minFit, lambda, epsilon, scale, from);
    scale = out.scale;
    solves++;
    progress?.(Math.min(0.95, solves / maxSolves));
    return out;
  };
  const without = run(0, null);
  let lambda = 0;
  let chosenRun = without;
  let reached = true;
  if (equity.weight !== undefined) {
    lambda = Math.max(0, equity.weight);
    if (lambda > 0) chosenRun = run(lambda, without);
    reached = true;
  } else if (target !== null && target > 0 && !reachedAt(without.chosen)) {
    // Bracket: double λ until the target is reached (or give up at a λ where equity dominates fit).
    let lo = 0;
    let hi = 0.01;
    let hiRun: Run | null = null;
    let loRun = without;
    while (hi <= 64 && solves < maxSolves) {
      const r = run(hi, loRun);
      if (reachedAt(r.chosen)) {
        hiRun = r;
        break;
      }
      lo = hi;
      loRun = r;
      hi *= 2;
    }
    if (hiRun === null) {
      reached = false;
      lambda = lo;
      chosenRun = loRun;
    } else {
      // Bisect to the smallest λ that still reaches the target (a few steps: λ's precision matters
      // less than the solves' time). Stop early once the price at `hi` is within PRICE_TOLERANCE of the
      // price at `lo`: no λ in between can cost less than `lo`'s, so bisecting on could save at most
      // that much fit (on the 20k round the first λ tried already costs 0.002%: one solve, not six).
      const fitWithout = groupRates(g, without.chosen).totalFit;
      while (solves < maxSolves) {
        const saving = groupRates(g, loRun.chosen).totalFit - groupRates(g, hiRun.chosen).totalFit;
        if (saving <= PRICE_TOLERANCE * fitWithout) break;
        const mid = (lo + hi) / 2;
        const r = run(mid, loRun);
        if (reachedAt(r.chosen)) {
          hi = mid;
          hiRun = r;
        } else {
          lo = mid;
          loRun = r;
        }
      }
      lambda = hi;
      chosenRun = hiRun;
    }
  }
  const chosen = chosenRun.chosen;
  const rates = groupRates(g, chosen);
  const base = groupRates(g, without.chosen);
  const assignments: RoundAssignment[] = [];
  const sizeClasses: Record<string, { requests: number; placed: number }> = {};
  g.requests.forEach((r, i) => {
    const cls = r.source.business.sizeClass;
    const entry = sizeClasses[cls] ?? { requests: 0, placed: 0 };
    entry.requests++;
    sizeClasses[cls] = entry;
    const e = chosen[i] as number;
    if (e < 0) return;
    entry.placed++;
    const rank = g.statedRank[e] as number;
    assignments.push({
      requestId: r.source.id,
      offerId: (g.offers[g.offer[e] as number] as PreparedOffer).source.id,
      fit: g.fit[e] as number,
      statedRank: rank >= 0 ? rank : null,
      approved: g.approved[e] === 1,
      priority: g.priority[i] as number,
      highPoverty: r.highPoverty,
    });
  });
  const placedPerOffer = new Int32Array(g.offers.length);
  for (const e of chosen) {
    if (e < 0) continue;
    const o = g.offer[e] as number;
    placedPerOffer[o] = (placedPerOffer[o] as number) + 1;
  }
  const orgs = new Map<string, boolean>();
  g.offers.forEach((o, oi) => {
    if ((g.capacity[oi] as number) <= 0) return;
    const id = o.source.organization.id;
    orgs.set(id, (orgs.get(id) ?? false) || (placedPerOffer[oi] as number) > 0);
  });
  const slots = g.capacity.reduce((s, c) => s + c, 0);
  const placed = assignments.length;
  progress?.(1);
  return {
    assignments,
    summary: {
      objective,
      requests: g.requests.length,
      offers: g.offers.length,
      slots,
      placed,
      totalFit: rates.totalFit,
      fillRate: slots > 0 ? placed / slots : 0,
      minFit,
      blockingPairs: {
        stated: blockingPairs(g, chosen, minFit, lambda, true),
        score: blockingPairs(g, chosen, minFit, lambda, false),
      },
      partnersWithNothing: [...orgs.values()].filter((x) => !x).length,
      groups: { highPoverty: rates.highPoverty, rest: rates.rest },
      sizeClasses,
      equity: {
        target,
        weight: lambda,
        reached: target === null ? true : reached && reachedAt(chosen),
        totalFitWithout: base.totalFit,
        price: base.totalFit - rates.totalFit,
      },
      bound: chosenRun.bound,
      edges: g.fit.length,
      completeGraph: g.complete,
      excludedPairs: g.excludedPairs,
    },
  };
}
