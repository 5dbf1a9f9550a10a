import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundArb } from './arbitraries.test-support';
import { allocateRound, countBlockingPairs, DuplicateIdError, roundTieBreaks, scorePair } from './index';
import type { MatchOffer, MatchRequest } from './types';

/**
 * An independent, deliberately naive stability check (no shared code with countBlockingPairs beyond
 * scorePair): recomputes both sides' preferences from public scores and looks for a pair that would
 * both rather be together.
 */
function naiveBlockingPairs(
  requests: readonly MatchRequest[],
  offers: readonly MatchOffer[],
  assignments: readonly { requestId: string; offerId: string }[],
  impact: boolean,
  seed = 0,
): number {
  const opts = impact ? {} : { impact: false as const };
  const ties = roundTieBreaks(
    requests.map((r) => r.id),
    offers.map((o) => o.id),
    seed,
  );
  const offerOf = new Map(assignments.map((a) => [a.requestId, a.offerId]));
  const fit = (r: MatchRequest, o: MatchOffer) => {
    const s = scorePair(r, o, { impact: false });
    return s.eligible ? s.fit : undefined;
  };
  const priority = (r: MatchRequest, o: MatchOffer) => {
    const s = scorePair(r, o, opts);
    return s.eligible ? s.score : undefined;
  };
  let count = 0;
  for (const r of requests) {
    const mineId = offerOf.get(r.id);
    const mine = offers.find((o) => o.id === mineId);
    for (const o of offers) {
      if (o === mine) continue;
      const f = fit(r, o);
      if (f === undefined) continue;
      const myFit = mine === undefined ? undefined : (fit(r, mine) as number);
      const umkmPrefers =
        myFit === undefined ||
        f > myFit ||
        (f === myFit && ties.umkmPrefers(r.id, o.id, (mine as MatchOffer).id));
      if (!umkmPrefers) continue;
      const held = requests.filter((x) => offerOf.get(x.id) === o.id);
      if (held.length < o.remaining) {
        count++;
        continue;
      }
      const p = priority(r, o) as number;
      const partnerPrefers = held.some((x) => {
        const q = priority(x, o) as number;
        return p > q || (p === q && ties.partnerPrefers(r.id, x.id));
      });
      if (partnerPrefers) count++;
    }
  }
  return count;
}

/**
 * Textbook deferred acceptance for reference: every preference list complete and sorted from public
 * scores, proposals one by one. Returns [requestId, offerId] pairs, sorted.
 */
function referenceDA(
  requests: readonly MatchRequest[],
  offers: readonly MatchOffer[],
  impact: boolean,
  seed = 0,
) {
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const rs = [...requests].sort(byId);
  const os = [...offers].sort(byId);
  const ties = roundTieBreaks(
    rs.map((r) => r.id),
    os.map((o) => o.id),
    seed,
  );
  const prefs = rs.map((r) =>
    os
      .flatMap((o) => {
        const s = scorePair(r, o, { impact: false });
        return s.eligible ? [{ o, fit: s.fit }] : [];
      })
      .sort((a, b) => b.fit - a.fit || (ties.umkmPrefers(r.id, a.o.id, b.o.id) ? -1 : 1)),
  );
  const priority = (r: MatchRequest, o: MatchOffer) => {
    const s = scorePair(r, o, impact ? {} : { impact: false });
    return s.eligible ? s.score : Number.NEGATIVE_INFINITY;
  };
  const held = new Map<string, MatchRequest[]>();
  const next = rs.map(() => 0);
  const free = rs.map((_, i) => i);
  while (free.length > 0) {
    const i = free.pop() as number;
    const r = rs[i] as MatchRequest;
    const list = prefs[i] ?? [];
    while ((next[i] as number) < list.length) {
      const { o } = list[next[i] as number] as { o: MatchOffer };
      next[i] = (next[i] as number) + 1;
      const h = [...(held.get(o.id) ?? []), r].sort(
        (a, b) => priority(b, o) - priority(a, o) || (ties.partnerPrefers(a.id, b.id) ? -1 : 1),
      );
      if (h.length > Math.max(0, o.remaining)) {
        const out = h.pop() as MatchRequest;
        held.set(o.id, h);
        if (out !== r) {
          free.push(rs.indexOf(out));
          break;
        }
        continue;
      }
      held.set(o.id, h);
      break;
    }
  }
  return [...held].flatMap(([offerId, h]) => h.map((r) => [r.id, offerId])).sort();
}

describe('allocating a round', () => {
  it('never exceeds a capacity, never assigns a filtered pair, and leaves no blocking pair (checked exhaustively)', () => {
    fc.assert(
      fc.property(
        roundArb(14, 7),
        fc.boolean(),
        fc.integer({ min: 1, max: 4 }),
        ({ requests, offers }, impactOn, chunk) => {
          // Tiny preference chunks force the lazy extension path on almost every request.
          const options = {
            impact: impactOn ? undefined : (false as const),
            preferenceChunk: chunk,
            verify: true as const,
          };
          const result = allocateRound(requests, offers, options);
          const perOffer = new Map<string, number>();
          for (const a of result.assignments) perOffer.set(a.offerId, (perOffer.get(a.offerId) ?? 0) + 1);
          for (const o of offers)
            expect(perOffer.get(o.id) ?? 0).toBeLessThanOrEqual(Math.max(0, o.remaining));
          expect(new Set(result.assignments.map((a) => a.requestId)).size).toBe(result.assignments.length);
          for (const a of result.assignments) {
            const r = requests.find((x) => x.id === a.requestId) as MatchRequest;
            const o = offers.find((x) => x.id === a.offerId) as MatchOffer;
            expect(scorePair(r, o).eligible).toBe(true);
          }
          expect(result.report.blockingPairs).toBe(0);
          expect(naiveBlockingPairs(requests, offers, result.assignments, impactOn)).toBe(0);
          expect(result.withoutImpact?.report.blockingPairs).toBe(0);
          expect(result.assignments.length + result.unassigned.length).toBe(requests.length);
        },
      ),
      { numRuns: 150 },
    );
  }, 60_000);

  it('equals textbook deferred acceptance on full preference lists (pruned shortlists and copies sharing a scoring change nothing)', () => {
    fc.assert(
      fc.property(
        roundArb(30, 24),
        fc.boolean(),
        fc.integer({ min: 1, max: 4 }),
        fc.nat(12),
        ({ requests: distinct, offers: distinctOffers }, impactOn, chunk, copies) => {
          // Copies of requests and offers (other ids, the same everything else): ties everywhere, and
          // the eight copies of a request share one scoring for their first chunks.
          const requests = [
            ...distinct,
            ...distinct
              .slice(0, copies >> 2)
              .flatMap((r, i) => Array.from({ length: 7 }, (_, c) => ({ ...r, id: `${r.id}-${c}-${i}` }))),
          ];
          const offers = [
            ...distinctOffers,
            ...distinctOffers
              .slice(0, copies)
              .flatMap((o, i) => [1, 2].map((c) => ({ ...o, id: `${o.id}-${c}-${i}` }))),
          ];
          const result = allocateRound(requests, offers, {
            impact: impactOn ? undefined : (false as const),
            preferenceChunk: chunk,
          });
          expect(result.assignments.map((a) => [a.requestId, a.offerId]).sort()).toEqual(
            referenceDA(requests, offers, impactOn),
          );
        },
      ),
      { numRuns: 200 },
    );
  }, 120_000);

  it('gives each of many copies its own tie order from their one shared scoring (equals textbook DA)', () => {
    // Eleven copies of one request; offers in three tiers of identical copies (equal fits within a tier).
    const requests = Array.from({ length: 11 }, (_, i) => ({
      id: `copy${String(i).padStart(2, '0')}`,
      type: 'mentorship' as const,
      needs: ['pemasaran digital', 'pembukuan'],
      business: { id: `b${i}`, province: '53', sizeClass: 'mikro' as const, sector: 'kuliner' },
    }));
    const tier = (name: string, topics: string[], n: number) =>
      Array.from({ length: n }, (_, i) => ({
        id: `${name}${i}`,
        type: 'mentorship' as const,
        topics,
        mode: 'online' as const,
        capacity: 1,
        remaining: 1,
        organization: { id: `org-${name}`, kind: 'corporate' as const, province: '31' },
      }));
    const offers = [
      ...tier('a', ['pemasaran digital', 'pembukuan'], 3),
      ...tier('b', ['pemasaran digital'], 3),
      ...tier('c', ['pembukuan', 'ekspor', 'batik'], 4),
    ];
    for (let seed = 0; seed < 12; seed++) {
      for (const chunk of [1, 2, 4, 5]) {
        const result = allocateRound(requests, offers, { seed, preferenceChunk: chunk, impact: false });
        expect(result.assignments.map((a) => [a.requestId, a.offerId]).sort()).toEqual(
          referenceDA(requests, offers, false, seed),
        );
      }
    }
  });

  it('gives the same allocation whatever the order of requests and offers', () => {
    fc.assert(
      fc.property(roundArb(12, 6), ({ requests, offers }) => {
        const a = allocateRound(requests, offers);
        const b = allocateRound([...requests].reverse(), [...offers].reverse());
        expect(b.assignments).toEqual(a.assignments);
      }),
      { numRuns: 100 },
    );
  });

  it('reports total score, fill rate and the high-poverty share with impact priority on and off', () => {
    fc.assert(
      fc.property(roundArb(14, 7), ({ requests, offers }) => {
        const { report, withoutImpact } = allocateRound(requests, offers);
        const capacity = offers.reduce((s, o) => s + Math.max(0, o.remaining), 0);
        expect(report.capacity).toBe(capacity);
        expect(report.fillRate).toBe(capacity === 0 ? 0 : report.assignedCount / capacity);
        expect(report.fillRate).toBeLessThanOrEqual(1);
        expect(report.highPovertyShare).toBeGreaterThanOrEqual(0);
        expect(report.highPovertyShare).toBeLessThanOrEqual(1);
        expect(report.totalScore).toBeGreaterThanOrEqual(report.totalFit - 1e-9);
        expect(withoutImpact?.report.impactPriority).toBe(false);
        expect(withoutImpact?.report.totalScore).toBeCloseTo(withoutImpact?.report.totalFit ?? Number.NaN, 9);
      }),
      { numRuns: 100 },
    );
  });

  it('detects a blocking pair when an allocation is not stable (the checker can fail)', () => {
    const offer = (id: string, topics: string[]): MatchOffer => ({
      id,
      type: 'mentorship',
      topics,
      mode: 'online',
      capacity: 1,
      remaining: 1,
      organization: { id, kind: 'corporate', province: '31' },
    });
    const request = (id: string, needs: string[]): MatchRequest => ({
      id,
      type: 'mentorship',
      needs,
      business: { id, province: '31', sizeClass: 'kecil', sector: 'kriya' },
    });
    const requests = [request('a', ['ekspor']), request('b', ['pembukuan'])];
    const offers = [offer('export', ['ekspor']), offer('books', ['pembukuan'])];
    const stable = allocateRound(requests, offers);
    expect(stable.assignments.map((x) => [x.requestId, x.offerId])).toEqual([
      ['a', 'export'],
      ['b', 'books'],
    ]);
    const swapped = [
      { requestId: 'a', offerId: 'books' },
      { requestId: 'b', offerId: 'export' },
    ];
    expect(countBlockingPairs(requests, offers, swapped)).toBe(2);
    expect(countBlockingPairs(requests, offers, [])).toBeGreaterThan(0);
  });

  it('lets impact priority decide between near-equal UMKM competing for the last place', () => {
    const offer: MatchOffer = {
      id: 'mentor',
      type: 'mentorship',
      topics: ['pemasaran digital'],
      mode: 'online',
      capacity: 1,
      remaining: 1,
      organization: { id: 'c', kind: 'corporate', province: '31' },
    };
    const candidate = (id: string, province: string): MatchRequest => ({
      id,
      type: 'mentorship',
      needs: ['pemasaran digital'],
      business: { id, province, sizeClass: 'kecil', sector: 'kriya' },
    });
    const requests = [candidate('a-jakarta', '31'), candidate('b-papua', '95')];
    const result = allocateRound(requests, [offer]);
    expect(result.assignments.map((a) => a.requestId)).toEqual(['b-papua']);
    expect(result.report.highPovertyShare).toBe(1);
    // Without the policy the tie goes to the request the round's seed ranks first.
    const ties = roundTieBreaks(['a-jakarta', 'b-papua'], ['mentor']);
    const first = ties.partnerPrefers('a-jakarta', 'b-papua') ? 'a-jakarta' : 'b-papua';
    expect(result.withoutImpact?.assignments.map((a) => a.requestId)).toEqual([first]);
    expect(result.withoutImpact?.report.highPovertyShare).toBe(first === 'b-papua' ? 1 : 0);
  });

  it('breaks ties by the seed: identical requests are stable, deterministic per seed, spread by it', () => {
    const request = (i: number): MatchRequest => ({
      id: `r${String(i).padStart(3, '0')}`,
      type: 'mentorship',
      needs: ['pemasaran digital'],
      business: { id: `b${i}`, province: '31', sizeClass: 'kecil', sector: 'kriya' },
    });
    const offer = (i: number): MatchOffer => ({
      id: `o${String(i).padStart(3, '0')}`,
      type: 'mentorship',
      topics: ['pemasaran digital'],
      mode: 'online',
      capacity: 1,
      remaining: 1,
      organization: { id: 'c', kind: 'corporate', province: '31' },
    });
    const requests = Array.from({ length: 60 }, (_, i) => request(i));
    const offers = Array.from({ length: 20 }, (_, i) => offer(i));
    const placedBySeed = new Set<string>();
    for (const seed of [0, 1, 2, 0xffffffff]) {
      const a = allocateRound(requests, offers, { seed, verify: true, preferenceChunk: 3 });
      const b = allocateRound([...requests].reverse(), [...offers].reverse(), { seed, verify: true });
      expect(a.report.blockingPairs).toBe(0);
      expect(naiveBlockingPairs(requests, offers, a.assignments, true, seed)).toBe(0);
      expect(a.assignments.length).toBe(20);
      expect(b.assignments).toEqual(a.assignments);
      // Partners take the 20 requests the seed ranks first.
      const ties = roundTieBreaks(
        requests.map((r) => r.id),
        offers.map((o) => o.id),
        seed,
      );
      const expected = requests
        .map((r) => r.id)
        .sort((x, y) => (ties.partnerPrefers(x, y) ? -1 : 1))
        .slice(0, 20)
        .sort();
      expect(a.assignments.map((x) => x.requestId)).toEqual(expected);
      placedBySeed.add(expected.join());
    }
    expect(placedBySeed.size).toBeGreaterThan(1);
  });

  it('stays stable when a third of the pairs tie (seeded, exhaustively checked)', () => {
    fc.assert(
      fc.property(roundArb(14, 7), fc.integer({ min: 0, max: 0xffffffff }), ({ requests, offers }, seed) => {
        // Clones of a few requests: equal fits against every offer, equal priorities within a province.
        const clones = requests.slice(0, 5).map((r, i) => ({ ...r, id: `${r.id}-clone${i}` }));
        const all = [...requests, ...clones];
        const result = allocateRound(all, offers, { seed, verify: true, preferenceChunk: 2 });
        expect(result.report.blockingPairs).toBe(0);
        expect(naiveBlockingPairs(all, offers, result.assignments, true, seed)).toBe(0);
      }),
      { numRuns: 100 },
    );
  });

  it('refuses duplicate ids, because preferences break ties on ids', () => {
    const r: MatchRequest = {
      id: 'same',
      type: 'mentorship',
      needs: [],
      business: { id: 'x', province: '31', sizeClass: 'mikro', sector: 'kriya' },
    };
    expect(() => allocateRound([r, r], [])).toThrow(DuplicateIdError);
  });
});
