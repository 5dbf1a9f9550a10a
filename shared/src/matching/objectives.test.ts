import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROVINCES } from '../reference';
import { offerArb, requestArb } from './arbitraries.test-support';
import { maxPlacements, OBJECTIVES, runObjective } from './objectives';
import { pairKey, povertyPriority, type StatedPreferences } from './preferences';
import { buildRoundGraph, type RoundGraph } from './round-graph';
import type { MatchOffer, MatchRequest } from './types';

const POOREST = [...PROVINCES].sort((a, b) => b.povertyRatePct - a.povertyRatePct)[0]?.code ?? '';

const business = (id: string, province = '33') => ({
  id: `b-${id}`,
  province,
  sizeClass: 'mikro' as const,
  sector: 'kuliner',
});
const req = (id: string, province = '33', needs = ['pemasaran digital']): MatchRequest => ({
  id,
  type: 'mentorship',
  needs,
  business: business(id, province),
});
const off = (id: string, capacity: number, topics = ['pemasaran digital']): MatchOffer => ({
  id,
  type: 'mentorship',
  topics,
  mode: 'online',
  capacity,
  remaining: capacity,
  organization: { id: `org-${id}`, kind: 'corporate', province: '31' },
});

/** Unique ids (the generators may repeat them). */
const uniq = <T extends { id: string }>(xs: T[], prefix: string) =>
  xs.map((x, i) => ({ ...x, id: `${prefix}${i}` }));

const roundArb = fc
  .record({
    requests: fc.array(requestArb, { minLength: 1, maxLength: 14 }),
    offers: fc.array(offerArb, { minLength: 1, maxLength: 6 }),
    picks: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('short', 'approve', 'reject', 'decline')), {
      maxLength: 30,
    }),
    seed: fc.nat(),
  })
  .map(({ requests, offers, picks, seed }) => {
    const rs = uniq(requests, 'r');
    const os = uniq(offers, 'o');
    const stated = {
      requests: [] as { requestId: string; shortlist: string[]; declined: string[] }[],
      offers: [] as { offerId: string; approved: string[]; rejected: string[] }[],
    };
    const forReq = (id: string) => {
      const found = stated.requests.find((p) => p.requestId === id);
      if (found) return found;
      const x = { requestId: id, shortlist: [] as string[], declined: [] as string[] };
      stated.requests.push(x);
      return x;
    };
    const forOff = (id: string) => {
      const found = stated.offers.find((p) => p.offerId === id);
      if (found) return found;
      const x = { offerId: id, approved: [] as string[], rejected: [] as string[] };
      stated.offers.push(x);
      return x;
    };
    for (const [a, b, kind] of picks) {
      const r = (rs[a % rs.length] as MatchRequest).id;
      const o = (os[b % os.length] as MatchOffer).id;
      if (kind === 'short') forReq(r).shortlist.push(o);
      else if (kind === 'decline') forReq(r).declined.push(o);
      else if (kind === 'approve') forOff(o).approved.push(r);
      else forOff(o).rejected.push(r);
    }
    return { requests: rs, offers: os, stated: stated as StatedPreferences, seed };
  });

const excludedSet = (stated: StatedPreferences) => {
  const set = new Set<string>();
  for (const o of stated.offers ?? []) for (const r of o.rejected ?? []) set.add(pairKey(r, o.offerId));
  for (const r of stated.requests ?? []) for (const o of r.declined ?? []) set.add(pairKey(r.requestId, o));
  return set;
};

/**
 * The exact maximum of Σ value over a b-matching of the graph's edges (`value` < 0: unusable), by an
 * independent method: successive shortest paths (Bellman–Ford) on the min-cost flow network, stopping
 * when no path adds value.
 */
function exactOptimum(g: RoundGraph, value: (e: number, i: number) => number): number {
  const nR = g.requests.length;
  const nO = g.offers.length;
  const sink = nR + nO + 1;
  const to: number[] = [];
  const cap: number[] = [];
  const cost: number[] = [];
  const out: number[][] = Array.from({ length: sink + 1 }, () => []);
  const arc = (a: number, b: number, c: number, w: number) => {
    out[a]?.push(to.length);
    to.push(b);
    cap.push(c);
    cost.push(w);
    out[b]?.push(to.length);
    to.push(a);
    cap.push(0);
    cost.push(-w);
  };
  for (let i = 0; i < nR; i++) {
    arc(0, 1 + i, 1, 0);
    for (let e = g.start[i] as number; e < (g.start[i + 1] as number); e++) {
      const v = value(e, i);
      if (v >= 0) arc(1 + i, 1 + nR + (g.offer[e] as number), 1, -v);
    }
  }
  for (let o = 0; o < nO; o++) arc(1 + nR + o, sink, g.capacity[o] as number, 0);
  let total = 0;
  for (;;) {
    const dist = new Array<number>(sink + 1).fill(Number.POSITIVE_INFINITY);
    const via = new Array<number>(sink + 1).fill(-1);
    dist[0] = 0;
    for (let round = 0; round <= sink; round++) {
      let changed = false;
      for (let a = 0; a < to.length; a++) {
        const from = to[a ^ 1] as number;
        if ((cap[a] as number) <= 0 || dist[from] === Number.POSITIVE_INFINITY) continue;
        const d = (dist[from] as number) + (cost[a] as number);
        if (d < (dist[to[a] as number] as number) - 1e-12) {
          dist[to[a] as number] = d;
          via[to[a] as number] = a;
          changed = true;
        }
      }
      if (!changed) break;
    }
    if (!((dist[sink] as number) < -1e-12)) return total;
    total -= dist[sink] as number;
    for (let x = sink; x !== 0; x = to[(via[x] as number) ^ 1] as number) {
      cap[via[x] as number] = (cap[via[x] as number] as number) - 1;
      cap[(via[x] as number) ^ 1] = (cap[(via[x] as number) ^ 1] as number) + 1;
    }
  }
}

/** Rounds where most pairs are eligible (few topics, several places per offer), poverty mixed. */
const denseRoundArb = fc
  .record({
    requests: fc.array(
      fc.tuple(
        fc.subarray(['pemasaran digital', 'pembukuan', 'ekspor', 'batik'], { minLength: 1 }),
        fc.nat(37),
      ),
      { minLength: 1, maxLength: 60 },
    ),
    offers: fc.array(
      fc.tuple(
        fc.subarray(['pemasaran digital', 'pembukuan', 'ekspor', 'batik'], { minLength: 1 }),
        fc.integer({ min: 1, max: 6 }),
      ),
      { minLength: 1, maxLength: 12 },
    ),
    seed: fc.nat(),
  })
  .map(({ requests, offers, seed }) => ({
    requests: requests.map(([needs, p], i) =>
      req(`r${i}`, PROVINCES[p % PROVINCES.length]?.code ?? '33', needs),
    ),
    offers: offers.map(([topics, capacity], i) => off(`o${i}`, capacity, topics)),
    seed,
  }));

describe('round objectives', () => {
  it('stable has no blocking pair against stated orders; no objective assigns a rejected or declined pair', () => {
    fc.assert(
      fc.property(roundArb, ({ requests, offers, stated, seed }) => {
        const graph = buildRoundGraph(requests, offers, stated, { seed });
        const excluded = excludedSet(stated);
        for (const objective of OBJECTIVES) {
          const { assignments, summary } = runObjective(graph, objective, { equity: { target: 0 } });
          for (const a of assignments) expect(excluded.has(pairKey(a.requestId, a.offerId))).toBe(false);
          const perOffer = new Map<string, number>();
          for (const a of assignments) perOffer.set(a.offerId, (perOffer.get(a.offerId) ?? 0) + 1);
          for (const o of offers)
            expect(perOffer.get(o.id) ?? 0).toBeLessThanOrEqual(Math.max(0, o.remaining));
          if (objective === 'stable') expect(summary.blockingPairs.stated).toBe(0);
        }
      }),
      { numRuns: 120 },
    );
  }, 120_000);

  it('stable honours a shortlist over a better-scoring offer, and a partner approval over a better fit', () => {
    const requests = [req('r1', '33', ['pemasaran digital', 'ekspor']), req('r2', '33')];
    const offers = [off('best', 1, ['pemasaran digital', 'ekspor']), off('other', 1, ['pembukuan'])];
    const base = runObjective(buildRoundGraph(requests, offers), 'stable', { equity: { target: 0 } });
    expect(base.assignments.find((a) => a.requestId === 'r1')?.offerId).toBe('best');
    // r1 wants 'other' first: it gets it, though 'best' scores higher for it.
    const stated: StatedPreferences = { requests: [{ requestId: 'r1', shortlist: ['other'] }] };
    const round = runObjective(buildRoundGraph(requests, offers, stated), 'stable', {
      equity: { target: 0 },
    });
    const r1 = round.assignments.find((a) => a.requestId === 'r1');
    expect(r1).toMatchObject({ offerId: 'other', statedRank: 0 });
    expect(round.summary.blockingPairs.stated).toBe(0);
    // 'best' approves r2: r2 holds it against r1, who fits it better.
    const approved: StatedPreferences = { offers: [{ offerId: 'best', approved: ['r2'] }] };
    const round2 = runObjective(buildRoundGraph(requests, offers, approved), 'stable', {
      equity: { target: 0 },
    });
    expect(round2.assignments.find((a) => a.requestId === 'r2')).toMatchObject({
      offerId: 'best',
      approved: true,
    });
    expect(round2.summary.blockingPairs.stated).toBe(0);
    expect(round2.summary.blockingPairs.score).toBeGreaterThan(0);
  });

  it('a shortlisted graph holding every offer equals the complete graph (edges, order, seeded ties)', () => {
    fc.assert(
      fc.property(roundArb, ({ requests, offers, seed }) => {
        const full = buildRoundGraph(requests, offers, {}, { seed });
        const short = buildRoundGraph(
          requests,
          offers,
          {},
          { seed, fullPairs: -1, shortlist: offers.length + 1 },
        );
        expect(short.complete).toBe(false);
        expect([...short.start]).toEqual([...full.start]);
        expect([...short.offer]).toEqual([...full.offer]);
        expect([...short.fit]).toEqual([...full.fit]);
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('a declined pair is never assigned, even when it is the only one', () => {
    const stated: StatedPreferences = { declinedPairs: [{ requestId: 'r1', offerId: 'o1' }] };
    const graph = buildRoundGraph([req('r1')], [off('o1', 3)], stated);
    for (const objective of OBJECTIVES)
      expect(runObjective(graph, objective, { equity: { target: 0 } }).assignments).toEqual([]);
    expect(graph.excludedPairs).toBe(1);
  });

  it('placements places as many as the exact maximum, welfare and placements are within their printed bound', () => {
    fc.assert(
      fc.property(roundArb, ({ requests, offers, seed }) => {
        const graph = buildRoundGraph(requests, offers, {}, { seed });
        const most = maxPlacements(graph, 0.2);
        const p = runObjective(graph, 'placements', { minFit: 0.2, equity: { target: 0 } }).summary;
        expect(p.placed).toBe(most);
        expect(p.bound?.maxPlacements).toBe(most);
        expect(p.bound?.gap ?? 1).toBeLessThan(1e-3);
        const w = runObjective(graph, 'welfare', { equity: { target: 0 } }).summary;
        expect(w.bound?.upperBound ?? 0).toBeGreaterThanOrEqual((w.bound?.value ?? 0) - 1e-9);
        // Welfare is at least the stable round's total fit (stable is one feasible allocation).
        const s = runObjective(graph, 'stable', { equity: { target: 0 } }).summary;
        expect(w.totalFit).toBeGreaterThanOrEqual(s.totalFit - 1e-3 * Math.max(1, s.placed));
      }),
      { numRuns: 120 },
    );
  }, 120_000);

  it('placements and welfare are optimal within their bound against an independent exact solver, with and without the equity policy', () => {
    fc.assert(
      fc.property(denseRoundArb, ({ requests, offers, seed }) => {
        const graph = buildRoundGraph(requests, offers, {}, { seed });
        for (const equity of [{ target: 0 }, { target: 1 }]) {
          // welfare: Σ (fit + λ·priority) at the λ the equity search settled on.
          const w = runObjective(graph, 'welfare', { equity }).summary;
          const lambda = w.equity.weight;
          const bonus = (i: number) => lambda * (graph.priority[i] as number);
          const best = exactOptimum(graph, (e, i) => {
            const v = (graph.fit[e] as number) + bonus(i);
            return v > 0 ? v : -1;
          });
          const slack = 2e-4 * Math.max(1, w.placed);
          expect(w.bound?.value ?? 0).toBeGreaterThanOrEqual(best - slack);
          expect(w.bound?.value ?? 0).toBeLessThanOrEqual(best + 1e-9);
          expect(w.bound?.upperBound ?? 0).toBeGreaterThanOrEqual(best - 1e-9);
          // placements (minimum fit 0.2): the most placements, then the most fit + λ·priority.
          const p = runObjective(graph, 'placements', { minFit: 0.2, equity });
          const pl = p.summary.equity.weight;
          const big = 1_000;
          const most = exactOptimum(graph, (e, i) =>
            (graph.fit[e] as number) >= 0.2
              ? big + (graph.fit[e] as number) + pl * (graph.priority[i] as number)
              : -1,
          );
          const byId = new Map(graph.requests.map((r, i) => [r.source.id, i]));
          const ours = p.assignments.reduce(
            (sum, a) => sum + big + a.fit + pl * (graph.priority[byId.get(a.requestId) as number] as number),
            0,
          );
          expect(p.summary.placed).toBe(Math.round(most / big));
          expect(ours).toBeGreaterThanOrEqual(most - 2e-4 * Math.max(1, p.summary.placed));
        }
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it('the same seed reproduces the round; ties follow the seed', () => {
    // Ten identical UMKM for three places: only the seed decides who is placed.
    const requests = Array.from({ length: 10 }, (_, i) => req(`r${i}`));
    const offers = [off('o1', 3)];
    const run = (seed: number) =>
      OBJECTIVES.map((o) =>
        runObjective(buildRoundGraph([...requests].reverse(), offers, {}, { seed }), o, {
          equity: { target: 0 },
        }),
      );
    expect(run(7)).toEqual(run(7));
    const placedBySeed = new Set(
      Array.from({ length: 8 }, (_, seed) =>
        (run(seed)[0] as ReturnType<typeof runObjective>).assignments.map((a) => a.requestId).join(','),
      ),
    );
    expect(placedBySeed.size).toBeGreaterThan(1);
  });

  it('the default equity policy lifts the high-poverty rate to the rest’s and reports its price', () => {
    // Twelve UMKM in DKI Jakarta (low poverty) fit a little better than twelve in the poorest
    // province; six places.
    const rich = Array.from({ length: 12 }, (_, i) => req(`a${i}`, '31', ['pemasaran digital', 'ekspor']));
    const poor = Array.from({ length: 12 }, (_, i) =>
      req(`b${i}`, POOREST, ['pemasaran digital', 'pembukuan']),
    );
    const offers = [off('o1', 6, ['pemasaran digital', 'ekspor'])];
    const graph = buildRoundGraph([...rich, ...poor], offers);
    expect(povertyPriority(POOREST)).toBe(1);
    for (const objective of OBJECTIVES) {
      const none = runObjective(graph, objective, { equity: { target: 0 } }).summary;
      expect(none.groups.highPoverty.placed).toBeLessThan(none.groups.rest.placed);
      const fair = runObjective(graph, objective).summary;
      const rate = (g: { requests: number; placed: number }) => g.placed / g.requests;
      expect(rate(fair.groups.highPoverty)).toBeGreaterThanOrEqual(rate(fair.groups.rest));
      expect(fair.equity).toMatchObject({ target: 1, reached: true });
      expect(fair.equity.weight).toBeGreaterThan(0);
      expect(fair.equity.price).toBeCloseTo(none.totalFit - fair.totalFit, 9);
      expect(fair.equity.price).toBeGreaterThan(0);
    }
  });

  it('reports groups, size classes and partners left with nothing', () => {
    const graph = buildRoundGraph([req('r1'), req('r2', POOREST)], [off('o1', 1), off('o2', 1, ['batik'])]);
    const { summary } = runObjective(graph, 'welfare', { equity: { target: 0 } });
    expect(summary.requests).toBe(2);
    expect(summary.groups.highPoverty.requests + summary.groups.rest.requests).toBe(2);
    expect(summary.sizeClasses.mikro).toEqual({ requests: 2, placed: summary.placed });
    expect(summary.partnersWithNothing).toBe(
      2 - new Set(runObjective(graph, 'welfare').assignments.map((a) => a.offerId)).size,
    );
  });
});
