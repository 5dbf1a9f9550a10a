import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { offerArb, requestArb } from './arbitraries.test-support';
import { rankOffers, scorePair } from './index';
import type { EligiblePairScore, MatchOffer, MatchRequest, PairScore } from './types';

const batikMaker: MatchRequest = {
  id: 'req-batik',
  type: 'mentorship',
  needs: ['pemasaran digital', 'ekspor'],
  languages: ['id'],
  business: {
    id: 'umkm-batik',
    province: '33', // Jawa Tengah
    city: 'Pekalongan',
    sizeClass: 'mikro',
    sector: 'fesyen',
    kbli: ['13134'],
    products: ['batik tulis', 'batik cap'],
  },
};

const mentor = (over: Partial<MatchOffer>): MatchOffer => ({
  id: 'off',
  type: 'mentorship',
  topics: [],
  mode: 'online',
  capacity: 10,
  remaining: 5,
  organization: { id: 'org', kind: 'corporate', province: '31' },
  ...over,
});

const eligible = (s: PairScore): EligiblePairScore => {
  if (!s.eligible) throw new Error(`expected eligible, got ${s.filter}: ${s.reason.en}`);
  return s;
};

describe('scoring one request against one offer (product examples)', () => {
  it('a batik maker in Jawa Tengah asking in Bahasa Indonesia finds an English-language digital-marketing mentor above an unrelated one', () => {
    const digital = mentor({
      id: 'digital-mentor',
      topics: ['Digital marketing for exporters', 'Export market access', 'Social media'],
      languages: ['en'],
    });
    const unrelated = mentor({
      id: 'fish-mentor',
      topics: ['aquaculture', 'fish farming', 'cold chain'],
      languages: ['id'],
    });
    const { ranked } = rankOffers(batikMaker, [unrelated, digital]);
    expect(ranked.map((r) => r.offerId)).toEqual(['digital-mentor', 'fish-mentor']);
    const best = ranked[0] as (typeof ranked)[number];
    expect(best.components.topic).toBe(1);
    expect(best.reasons[0]).toEqual({
      id: 'Topik cocok: pemasaran digital, ekspor.',
      en: 'Topics match: digital marketing, export.',
    });
  });

  it('excludes a food UMKM without halal certification from a distributor that requires it, saying why in Indonesian and English', () => {
    const kuliner: MatchRequest = {
      id: 'req-keripik',
      type: 'distribution',
      needs: ['reseller', 'oleh-oleh'],
      business: {
        id: 'u',
        province: '35',
        sizeClass: 'mikro',
        sector: 'kuliner',
        products: ['keripik singkong'],
        certifications: ['P-IRT'],
      },
    };
    const distributor = mentor({
      id: 'koperasi-halal',
      type: 'distribution',
      topics: ['keripik', 'camilan', 'oleh-oleh'],
      requiredCertifications: ['Sertifikat Halal'],
      organization: { id: 'kop', kind: 'community', province: '35' },
    });
    const result = scorePair(kuliner, distributor);
    expect(result).toEqual({
      eligible: false,
      filter: 'certification',
      reason: {
        id: 'Mitra mensyaratkan sertifikasi yang belum dimiliki UMKM: Sertifikat Halal.',
        en: 'The partner requires certification the UMKM does not have: Halal certificate.',
      },
    });
    // With the certificate the same pair is eligible and the product match is recognised.
    const certified = {
      ...kuliner,
      business: { ...kuliner.business, certifications: ['P-IRT', 'halal MUI'] },
    };
    expect(eligible(scorePair(certified, distributor)).components.topic).toBeGreaterThan(0);
  });

  it('names the hard filter for every kind of "why not"', () => {
    const base = mentor({ topics: ['pemasaran digital'] });
    const cases: [Partial<MatchOffer>, Partial<MatchRequest>, string][] = [
      [{ type: 'internship' }, {}, 'type'],
      [{ remaining: 0 }, {}, 'capacity'],
      [
        { startDate: '2026-01-01', endDate: '2026-02-01' },
        { startDate: '2026-06-01', endDate: '2026-07-01' },
        'dates',
      ],
      [{ requiredCertifications: ['BPOM'] }, {}, 'certification'],
      [{ mode: 'offline' }, { mode: 'online' }, 'mode'],
      [
        { mode: 'offline', provinces: ['94'], organization: { id: 'o', kind: 'corporate', province: '94' } },
        {},
        'reach',
      ],
      [{ sizeClasses: ['menengah'] }, {}, 'sizeClass'],
      [{ sectors: ['kuliner'] }, {}, 'sector'],
    ];
    for (const [offerPatch, requestPatch, filter] of cases) {
      const result = scorePair({ ...batikMaker, ...requestPatch }, { ...base, ...offerPatch });
      expect(result.eligible ? 'eligible' : result.filter).toBe(filter);
      if (!result.eligible) {
        expect(result.reason.id.length).toBeGreaterThan(10);
        expect(result.reason.en.length).toBeGreaterThan(10);
      }
    }
  });

  it('ranks a one-sided match below a mutual one', () => {
    // Both offers cover the UMKM's needs fully; only the first also wants this kind of UMKM.
    const mutual = mentor({
      id: 'mutual',
      topics: ['pemasaran digital', 'ekspor'],
      sectors: ['fesyen'],
      kbli: ['13134'],
      sizeClasses: ['mikro'],
    });
    const oneSided = mentor({
      id: 'one-sided',
      topics: ['pemasaran digital', 'ekspor', 'HACCP', 'BPOM', 'keamanan pangan'],
      kbli: ['10'],
    });
    const a = eligible(scorePair(batikMaker, mutual));
    const b = eligible(scorePair(batikMaker, oneSided));
    expect(a.forPartner).toBeGreaterThan(b.forPartner);
    expect(a.score).toBeGreaterThan(b.score);
  });

  it('values KBLI closeness: same 5-digit code above same division above same section', () => {
    const sector = (kbli: string) =>
      eligible(scorePair(batikMaker, mentor({ topics: ['ekspor'], kbli: [kbli] }))).components.sector;
    expect(sector('13134')).toBeGreaterThan(sector('13121'));
    expect(sector('13121')).toBeGreaterThan(sector('10792'));
    expect(sector('10792')).toBeGreaterThan(sector('47111'));
  });

  it('does not penalise online offers for distance, and prefers a nearby offline offer over a far one', () => {
    const online = eligible(
      scorePair(
        batikMaker,
        mentor({ topics: ['ekspor'], organization: { id: 'o', kind: 'corporate', province: '94' } }),
      ),
    );
    expect(online.components.location).toBe(1);
    const near = eligible(
      scorePair(
        batikMaker,
        mentor({
          topics: ['ekspor'],
          mode: 'offline',
          organization: { id: 'o', kind: 'corporate', province: '33', city: 'Pekalongan' },
        }),
      ),
    );
    const sameIsland = eligible(
      scorePair(
        batikMaker,
        mentor({
          topics: ['ekspor'],
          mode: 'offline',
          organization: { id: 'o', kind: 'corporate', province: '35' },
        }),
      ),
    );
    const far = eligible(
      scorePair(
        batikMaker,
        mentor({
          topics: ['ekspor'],
          mode: 'offline',
          organization: { id: 'o', kind: 'corporate', province: '94' },
        }),
      ),
    );
    expect(near.components.location).toBe(1);
    expect(near.components.location).toBeGreaterThan(sameIsland.components.location);
    expect(sameIsland.components.location).toBeGreaterThan(far.components.location);
  });

  it('shrinks a track record toward the mean when there are few ratings', () => {
    const track = (ratingCount: number, mean: number) =>
      eligible(
        scorePair(
          batikMaker,
          mentor({ topics: ['ekspor'], track: { ratingCount, ratingSum: ratingCount * mean } }),
        ),
      ).components.track;
    expect(track(1, 5)).toBeLessThan(track(50, 4.6));
    expect(track(0, 0)).toBeCloseTo((3.5 - 1) / 4);
  });

  it('gives related concepts partial credit (instagram ~ media sosial)', () => {
    const r = { ...batikMaker, needs: ['instagram'] };
    const exact = eligible(scorePair(r, mentor({ topics: ['instagram'] }))).components.topic;
    const related = eligible(scorePair(r, mentor({ topics: ['media sosial'] }))).components.topic;
    const none = eligible(scorePair(r, mentor({ topics: ['pembukuan'] }))).components.topic;
    expect([exact, related, none]).toEqual([1, 0.5, 0]);
  });

  it('keeps impact priority a separate, capped term that reorders near-equal matches but never makes an unfit match look fit', () => {
    const poorMicro: MatchRequest = {
      ...batikMaker,
      id: 'papua',
      business: { ...batikMaker.business, province: '94', city: undefined },
    };
    const offer = mentor({ topics: ['pemasaran digital', 'ekspor'] });
    const poor = eligible(scorePair(poorMicro, offer));
    const off = eligible(scorePair(poorMicro, offer, { impact: false }));
    expect(poor.impact).toBeGreaterThan(0);
    expect(poor.impact).toBeLessThanOrEqual(0.2);
    expect(off.impact).toBe(0);
    expect(poor.fit).toBe(off.fit);
    expect(poor.score).toBeGreaterThan(off.score);
    expect(poor.score - off.score).toBeLessThanOrEqual(0.2 / 4 + 1e-12);
    expect(poor.reasons.some((r) => r.en.startsWith('Impact priority'))).toBe(true);
    // An unfit pair stays unfit even with the largest impact the admin can set.
    const unfit = eligible(
      scorePair(
        { ...poorMicro, needs: ['zzz'] },
        mentor({ topics: ['HACCP'], sectors: ['fesyen'], languages: ['zh'] }),
        { impact: { weight: 10, cap: 1 } },
      ),
    );
    expect(unfit.score - unfit.fit).toBeLessThanOrEqual(unfit.fit * (1 - unfit.fit) + 1e-12);
    expect(unfit.score).toBeLessThan(off.fit);
  });
});

describe('scoring properties', () => {
  const inUnit = (x: number) => Number.isFinite(x) && x >= 0 && x <= 1;

  it('always returns a score in [0, 1], never NaN, with every part in [0, 1], on any input including empty profiles', () => {
    fc.assert(
      fc.property(requestArb, offerArb, fc.boolean(), (request, offer, impactOn) => {
        const s = scorePair(request, offer, impactOn ? {} : { impact: false });
        if (!s.eligible) return s.reason.id.length > 0 && s.reason.en.length > 0;
        return (
          inUnit(s.score) &&
          inUnit(s.fit) &&
          inUnit(s.forUmkm) &&
          inUnit(s.forPartner) &&
          inUnit(s.impact) &&
          Object.values(s.components).every(inUnit)
        );
      }),
      { numRuns: 400 },
    );
    const empty = scorePair(
      {
        id: 'r',
        type: 'mentorship',
        needs: [],
        business: { id: 'b', province: '', sizeClass: 'mikro', sector: '' },
      },
      mentor({ topics: [] }),
    );
    expect(eligible(empty).score).toBeGreaterThanOrEqual(0);
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(requestArb, offerArb, (request, offer) => {
        expect(scorePair(request, offer)).toEqual(
          scorePair(structuredClone(request), structuredClone(offer)),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('does not depend on the order of tags', () => {
    fc.assert(
      fc.property(requestArb, offerArb, fc.nat(), (request, offer, seed) => {
        const rotate = <T>(xs: readonly T[] | undefined): T[] | undefined =>
          xs === undefined || xs.length === 0
            ? xs?.slice()
            : [...xs.slice(seed % xs.length), ...xs.slice(0, seed % xs.length)].reverse();
        const r2: MatchRequest = {
          ...request,
          needs: rotate(request.needs) ?? [],
          provinces: rotate(request.provinces),
          languages: rotate(request.languages),
          business: {
            ...request.business,
            products: rotate(request.business.products),
            certifications: rotate(request.business.certifications),
            kbli: rotate(request.business.kbli),
          },
        };
        const o2: MatchOffer = {
          ...offer,
          topics: rotate(offer.topics) ?? [],
          sectors: rotate(offer.sectors),
          kbli: rotate(offer.kbli),
          provinces: rotate(offer.provinces),
          requiredCertifications: rotate(offer.requiredCertifications),
          languages: rotate(offer.languages),
        };
        const a = scorePair(request, offer);
        const b = scorePair(r2, o2);
        expect(b.eligible).toBe(a.eligible);
        if (a.eligible && b.eligible) {
          expect(b.score).toBe(a.score);
          expect(b.components).toEqual(a.components);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never lowers a score when the UMKM adds a need the offer provides', () => {
    fc.assert(
      fc.property(requestArb, offerArb, fc.nat(), fc.boolean(), (request, offer, pick, impactOn) => {
        fc.pre(offer.topics.length > 0);
        const added = offer.topics[pick % offer.topics.length] as string;
        const options = impactOn ? {} : { impact: false as const };
        const before = scorePair(request, offer, options);
        const after = scorePair({ ...request, needs: [...request.needs, added] }, offer, options);
        expect(after.eligible).toBe(before.eligible);
        if (before.eligible && after.eligible) {
          expect(after.score).toBeGreaterThanOrEqual(before.score);
          expect(after.components.topic).toBeGreaterThanOrEqual(before.components.topic);
        }
      }),
      { numRuns: 400 },
    );
  });
});
