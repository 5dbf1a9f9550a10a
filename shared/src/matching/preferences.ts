/**
 * Stated preferences for an allocation round, and the equity policy's priority.
 *
 * People state what the score cannot know:
 * - a UMKM shortlists offers for one of its requests, in its own order (first = most wanted), and may
 *   decline an offer outright;
 * - a partner approves or rejects candidates for one of its offers;
 * - a declined proposal is remembered as a declined pair.
 * A round never assigns a rejected or declined pair. `stable` puts stated orders first (a shortlisted
 * offer before any other, an approved candidate before any other) and uses scores only to complete the
 * orders and break ties; `placements` and `welfare` honour the exclusions and otherwise optimise.
 */
import { PROVINCES } from '../reference';

/** What UMKM and partners said before the round. Every list may be empty or missing. */
export interface StatedPreferences {
  /** Per request: offers in the UMKM's order of wish (shortlist) and offers it declines. */
  readonly requests?: readonly {
    readonly requestId: string;
    readonly shortlist?: readonly string[];
    readonly declined?: readonly string[];
  }[];
  /** Per offer: candidates the partner approves (wants first) and rejects (never). */
  readonly offers?: readonly {
    readonly offerId: string;
    readonly approved?: readonly string[];
    readonly rejected?: readonly string[];
  }[];
  /** Pairs declined before (a declined proposal): never assigned again. */
  readonly declinedPairs?: readonly { readonly requestId: string; readonly offerId: string }[];
}

/** Stated preferences resolved to lookups by pair key `requestId\u0000offerId`. */
export interface PreferenceIndex {
  /** Shortlist rank (0 = first wish) per pair. */
  readonly rank: ReadonlyMap<string, number>;
  /** Shortlisted offer ids per request, in order. */
  readonly shortlist: ReadonlyMap<string, readonly string[]>;
  /** Approved pairs. */
  readonly approved: ReadonlySet<string>;
  /** Approved request ids per offer. */
  readonly approvedOf: ReadonlyMap<string, readonly string[]>;
  /** Pairs never to assign (rejected by the partner, declined by the UMKM, declined before). */
  readonly excluded: ReadonlySet<string>;
  /** How many pairs each kind holds, for the report. */
  readonly counts: { readonly shortlisted: number; readonly approved: number; readonly excluded: number };
}

export const pairKey = (requestId: string, offerId: string) => `${requestId}\u0000${offerId}`;

/**
 * Resolve stated preferences into lookups. A pair both shortlisted and excluded stays excluded (a
 * rejection by either side wins); a repeated offer in a shortlist keeps its first position.
 *
 * @example
 * const p = indexPreferences({ requests: [{ requestId: 'r1', shortlist: ['o2', 'o1'] }] });
 * p.rank.get(pairKey('r1', 'o1')); // → 1
 */
export function indexPreferences(stated: StatedPreferences = {}): PreferenceIndex {
  const excluded = new Set<string>();
  for (const o of stated.offers ?? []) for (const r of o.rejected ?? []) excluded.add(pairKey(r, o.offerId));
  for (const r of stated.requests ?? [])
    for (const o of r.declined ?? []) excluded.add(pairKey(r.requestId, o));
  for (const d of stated.declinedPairs ?? []) excluded.add(pairKey(d.requestId, d.offerId));
  const rank = new Map<string, number>();
  const shortlist = new Map<string, string[]>();
  for (const r of stated.requests ?? []) {
    const list: string[] = shortlist.get(r.requestId) ?? [];
    for (const o of r.shortlist ?? []) {
      const key = pairKey(r.requestId, o);
      if (rank.has(key) || excluded.has(key)) continue;
      rank.set(key, list.length);
      list.push(o);
    }
    shortlist.set(r.requestId, list);
  }
  const approved = new Set<string>();
  const approvedOf = new Map<string, string[]>();
  for (const o of stated.offers ?? []) {
    for (const r of o.approved ?? []) {
      const key = pairKey(r, o.offerId);
      if (excluded.has(key) || approved.has(key)) continue;
      approved.add(key);
      const list = approvedOf.get(r) ?? [];
      list.push(o.offerId);
      approvedOf.set(r, list);
    }
  }
  return {
    rank,
    shortlist,
    approved,
    approvedOf,
    excluded,
    counts: { shortlisted: rank.size, approved: approved.size, excluded: excluded.size },
  };
}

const RATES = PROVINCES.map((p) => p.povertyRatePct);
const MIN_RATE = Math.min(...RATES);
const MAX_RATE = Math.max(...RATES);
const RATE_BY_CODE = new Map(PROVINCES.map((p) => [p.code, p.povertyRatePct]));

/**
 * The equity priority of a UMKM, continuous in its province's BPS poverty rate: 0 in the least poor
 * province, 1 in the poorest, linear between (Papua Pegunungan at 30.0% counts more than NTT at 18.6%,
 * which counts more than a province just above the median). Unknown provinces get 0.
 *
 * @example
 * povertyPriority('95'); // → 1 (Papua Pegunungan, the poorest)
 */
export function povertyPriority(provinceCode: string): number {
  const rate = RATE_BY_CODE.get(provinceCode);
  if (rate === undefined || MAX_RATE <= MIN_RATE) return 0;
  return (rate - MIN_RATE) / (MAX_RATE - MIN_RATE);
}

/**
 * The equity policy of a round, aimed at a target rather than a capped bonus.
 *
 * `target` is the wanted ratio of the high-poverty group's placement rate (provinces above the median
 * BPS poverty rate) to the rest's: 1 (default) = "at least the same rate", 0 = no equity policy. The
 * round finds the smallest priority weight that reaches it (bisection over a few solves) and reports
 * what it cost in total fit. `weight` instead fixes the priority weight directly (the admin's strength),
 * and the report still shows the rates and the price.
 */
export interface EquityPolicy {
  readonly target?: number;
  readonly weight?: number;
}

export const DEFAULT_EQUITY: EquityPolicy = { target: 1 };
