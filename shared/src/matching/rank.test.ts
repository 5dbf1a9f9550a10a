import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { offerArb, requestArb } from './arbitraries.test-support';
import { rankOffers, rankRequests, scorePair } from './index';
import type { MatchOffer } from './types';

const withIds = (offers: MatchOffer[]) => offers.map((o, i) => ({ ...o, id: `o${i}` }));

describe('ranking offers for a request', () => {
  it('never ranks a hard-filtered offer, and reports each excluded offer with its reason when asked', () => {
    fc.assert(
      fc.property(requestArb, fc.array(offerArb, { maxLength: 12 }), (request, raw) => {
        const offers = withIds(raw);
        const { ranked, excluded, eligibleCount } = rankOffers(request, offers, {
          limit: 50,
          includeExcluded: true,
        });
        for (const entry of ranked) {
          const offer = offers.find((o) => o.id === entry.offerId) as MatchOffer;
          expect(scorePair(request, offer).eligible).toBe(true);
        }
        for (const entry of excluded ?? []) {
          const offer = offers.find((o) => o.id === entry.offerId) as MatchOffer;
          const s = scorePair(request, offer);
          expect(s.eligible).toBe(false);
          if (!s.eligible) expect(entry.filter).toBe(s.filter);
        }
        expect(ranked.length + (excluded?.length ?? 0)).toBe(offers.length);
        expect(eligibleCount).toBe(ranked.length);
      }),
      { numRuns: 300 },
    );
  });

  it('returns the best offers first, and the same ranking whatever the order of the offers', () => {
    fc.assert(
      fc.property(
        requestArb,
        fc.array(offerArb, { maxLength: 12 }),
        fc.nat({ max: 6 }),
        (request, raw, limit) => {
          const offers = withIds(raw);
          const a = rankOffers(request, offers, { limit });
          const b = rankOffers(request, [...offers].reverse(), { limit });
          expect(b.ranked.map((r) => [r.offerId, r.score])).toEqual(
            a.ranked.map((r) => [r.offerId, r.score]),
          );
          expect(a.ranked.length).toBe(Math.min(limit, a.eligibleCount));
          for (let i = 1; i < a.ranked.length; i++) {
            expect((a.ranked[i - 1]?.score ?? 0) >= (a.ranked[i]?.score ?? 0)).toBe(true);
          }
          // The top-k is exactly the k best of a full sort (the heap loses nothing).
          const all = rankOffers(request, offers, { limit: 1000 });
          expect(a.ranked.map((r) => r.offerId)).toEqual(all.ranked.slice(0, limit).map((r) => r.offerId));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('numbers ranks from 1 and omits excluded offers unless asked', () => {
    const offers = withIds([
      {
        id: '',
        type: 'mentorship',
        topics: ['ekspor'],
        mode: 'online',
        capacity: 1,
        remaining: 1,
        organization: { id: 'a', kind: 'corporate', province: '31' },
      },
      {
        id: '',
        type: 'internship',
        topics: ['ekspor'],
        mode: 'online',
        capacity: 1,
        remaining: 1,
        organization: { id: 'b', kind: 'university', province: '31' },
      },
    ]);
    const request = {
      id: 'r',
      type: 'mentorship' as const,
      needs: ['export'],
      business: { id: 'b', province: '33', sizeClass: 'kecil' as const, sector: 'kriya' },
    };
    const result = rankOffers(request, offers);
    expect(result.ranked.map((r) => [r.offerId, r.rank])).toEqual([['o0', 1]]);
    expect(result.excluded).toBeUndefined();
    expect(rankOffers(request, offers, { includeExcluded: true }).excluded?.map((e) => e.filter)).toEqual([
      'type',
    ]);
  });
});

describe('ranking candidates for an offer (partner side)', () => {
  it('ranks requests by the same pair score and lets impact priority reorder near-equal candidates', () => {
    const offer: MatchOffer = {
      id: 'mentor',
      type: 'mentorship',
      topics: ['pemasaran digital'],
      mode: 'online',
      capacity: 1,
      remaining: 1,
      organization: { id: 'c', kind: 'corporate', province: '31' },
    };
    const candidate = (id: string, province: string) => ({
      id,
      type: 'mentorship' as const,
      needs: ['pemasaran digital'],
      business: { id, province, sizeClass: 'kecil' as const, sector: 'kriya' },
    });
    // Same profile, different province: Papua Pegunungan (95) is far above the median poverty rate,
    // DKI Jakarta (31) far below.
    const requests = [candidate('jakarta', '31'), candidate('papua', '95')];
    const withImpact = rankRequests(offer, requests);
    const without = rankRequests(offer, requests, { impact: false });
    expect(withImpact.ranked.map((r) => r.requestId)).toEqual(['papua', 'jakarta']);
    expect(without.ranked.map((r) => r.score)).toEqual([without.ranked[0]?.fit, without.ranked[1]?.fit]);
    expect(without.ranked[0]?.score).toBe(without.ranked[1]?.score);
  });
});
