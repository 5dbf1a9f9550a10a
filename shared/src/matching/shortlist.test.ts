import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { offerArb, requestArb } from './arbitraries.test-support';
import { resolveWeights, scorePrepared } from './kernel';
import { type PreparedOffer, prepareOffer, prepareRequest } from './prepare';
import { buildChunk, buildShortlistIndex, tiedAfter } from './shortlist';

describe('allocation shortlists', () => {
  it('are exactly the k best eligible offers by fit, then the seeded tie order — the bound never drops one', () => {
    fc.assert(
      fc.property(
        // Dense rounds: one type and open places for all, so every request has dozens of candidates and
        // the bound has something to prune (the shared round arbitrary is mostly filtered pairs).
        fc.array(
          requestArb.map((r) => ({ ...r, type: 'mentorship' as const })),
          { minLength: 1, maxLength: 8 },
        ),
        fc.array(
          offerArb.map((o) => ({ ...o, type: 'mentorship' as const, remaining: Math.max(1, o.remaining) })),
          { minLength: 10, maxLength: 80 },
        ),
        fc.integer({ min: 1, max: 6 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 0xffffffff }),
        (requests, offers, k, defaults, tieSeed) => {
          const os = offers.map(prepareOffer);
          const byType = [0, 1, 2].map((t) =>
            Int32Array.from(os.flatMap((o, i) => (o.typeCode === t && o.remaining > 0 ? [i] : []))),
          );
          // Default weights, and a lopsided set that moves the bound's balance and constants.
          const w = resolveWeights(
            defaults
              ? { impact: false }
              : { impact: false, weights: { balance: 0.8, umkmSide: { topic: 3 } } },
          );
          const index = buildShortlistIndex(os, byType, w);
          const buffers = {
            heapOffer: new Int32Array(k),
            heapFit: new Float64Array(k),
            outOffer: new Int32Array(k),
            outFit: new Float64Array(k),
          };
          for (const r of requests.map(prepareRequest)) {
            const expected = (byType[r.typeCode] ?? new Int32Array(0))
              .reduce<{ oi: number; fit: number }[]>((acc, oi) => {
                const fit = scorePrepared(r, os[oi] as PreparedOffer, w, null);
                if (fit >= 0) acc.push({ oi, fit });
                return acc;
              }, [])
              .sort((a, b) => b.fit - a.fit || (tiedAfter(tieSeed, a.oi, b.oi) ? 1 : -1));
            const { length, complete } = buildChunk(
              index,
              os,
              r,
              w,
              k,
              Number.POSITIVE_INFINITY,
              -1,
              null,
              buffers,
              0,
              tieSeed,
            );
            const got = Array.from({ length }, (_, j) => ({
              oi: buffers.outOffer[j] as number,
              fit: buffers.outFit[j] as number,
            }));
            expect(got).toEqual(expected.slice(0, k));
            if (complete) expect(expected.length).toBeLessThanOrEqual(k);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
