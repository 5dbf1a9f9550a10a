import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateOffers, generateRequests } from '../../bench/instances';
import { offerArb, requestArb } from './arbitraries.test-support';
import { indexDelta, indexOffers, rankIndexedOffers } from './catalog-index';
import { prepareOffer, prepareRequest } from './prepare';
import { rankOffers, rankRequests } from './rank';
import { indexRequests, rankIndexedRequests } from './request-index';
import type { MatchOffer, MatchRequest } from './types';

const offersWithIds = (xs: MatchOffer[]) => xs.map((o, i) => ({ ...o, id: `o${(i * 7919) % 1000}-${i}` }));
const requestsWithIds = (xs: MatchRequest[]) =>
  xs.map((r, i) => ({ ...r, id: `r${(i * 7919) % 1000}-${i}` }));

describe('indexed ranking (catalogue indexes)', () => {
  it('ranks offers for a request exactly as the full scan does: entries, scores, reasons, order and count', () => {
    fc.assert(
      fc.property(
        fc.array(requestArb, { minLength: 1, maxLength: 4 }),
        fc.array(offerArb, { maxLength: 80 }),
        fc.integer({ min: 0, max: 12 }),
        (requests, raw, limit) => {
          const offers = offersWithIds(raw).map(prepareOffer);
          const index = indexOffers(offers);
          for (const request of requests) {
            const r = prepareRequest(request);
            // To the last bit of every score and reason.
            expect(rankIndexedOffers(r, index, { limit })).toEqual(rankOffers(r, offers, { limit }));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('ranks candidate requests for an offer exactly as the full scan does', () => {
    fc.assert(
      fc.property(
        fc.array(offerArb, { minLength: 1, maxLength: 4 }),
        fc.array(requestArb, { maxLength: 80 }),
        fc.integer({ min: 0, max: 12 }),
        (offers, raw, limit) => {
          const requests = requestsWithIds(raw).map(prepareRequest);
          const index = indexRequests(requests);
          for (const offer of offers) {
            const o = prepareOffer(offer);
            expect(rankIndexedRequests(o, index, { limit })).toEqual(rankRequests(o, requests, { limit }));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('stays exact on realistic catalogues, where the bound prunes most of them', () => {
    // Generated like the benchmarks' national instances: many eligible pairs, many near-ties.
    for (const seed of [1, 2, 3]) {
      const offers = generateOffers(600, seed).map(prepareOffer);
      const requests = generateRequests(1_500, seed + 10).map(prepareRequest);
      const offerIndex = indexOffers(offers);
      const requestIndex = indexRequests(requests);
      for (const limit of [1, 5, 20]) {
        for (const r of requests.slice(0, 40))
          expect(rankIndexedOffers(r, offerIndex, { limit })).toEqual(rankOffers(r, offers, { limit }));
        for (const o of offers.slice(0, 40))
          expect(rankIndexedRequests(o, requestIndex, { limit })).toEqual(
            rankRequests(o, requests, { limit }),
          );
      }
    }
  });

  it('ranks over an index and its delta exactly as over the current entries', () => {
    fc.assert(
      fc.property(
        requestArb,
        offerArb,
        fc.array(offerArb, { maxLength: 60 }),
        fc.array(offerArb, { maxLength: 10 }),
        fc.array(fc.boolean(), { maxLength: 60 }),
        fc.integer({ min: 0, max: 12 }),
        (request, offer, raw, added, staleFlags, limit) => {
          const before = offersWithIds(raw).map(prepareOffer);
          const staleAt = before.flatMap((_, i) => (staleFlags[i] ? [i] : []));
          const stale = Uint8Array.from(before, (_, i) => (staleFlags[i] ? 1 : 0));
          // Stale entries come back changed (every other one) or are gone; new ones arrive.
          const fresh = [
            ...before.flatMap((o, i) =>
              stale[i] === 1 && i % 2 === 0
                ? [prepareOffer({ ...o.source, topics: ['ekspor', 'kemasan'], remaining: i % 4 })]
                : [],
            ),
            ...added.map((o, i) => prepareOffer({ ...o, id: `new${i}` })),
          ];
          const current = [...before.filter((_, i) => stale[i] === 0), ...fresh];
          const r = prepareRequest(request);
          expect(
            rankIndexedOffers(r, indexOffers(before), { limit }, indexDelta(before.length, staleAt, fresh)),
          ).toEqual(rankOffers(r, current, { limit }));
          // The same on the partner's side, requests changing under the index.
          const requestsBefore = requestsWithIds([request, ...raw.map(() => request)]).map(prepareRequest);
          const staleRequestsAt = requestsBefore.flatMap((_, i) => (staleFlags[i] ? [i] : []));
          const staleRequests = Uint8Array.from(requestsBefore, (_, i) => (staleFlags[i] ? 1 : 0));
          const freshRequests = requestsBefore
            .filter((_, i) => staleRequests[i] === 1 && i % 3 === 0)
            .map((x) => prepareRequest({ ...x.source, needs: ['ekspor', 'kemasan'] }));
          const o = prepareOffer(offer);
          expect(
            rankIndexedRequests(
              o,
              indexRequests(requestsBefore),
              { limit },
              indexDelta(requestsBefore.length, staleRequestsAt, freshRequests),
            ),
          ).toEqual(
            rankRequests(o, [...requestsBefore.filter((_, i) => staleRequests[i] === 0), ...freshRequests], {
              limit,
            }),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
