/**
 * fast-check arbitraries for matching tests: requests and offers drawn from small pools (so that real
 * matches, partial matches and every hard filter occur often) mixed with arbitrary junk (random strings,
 * unknown provinces, malformed dates, empty profiles) to prove the core never breaks on odd input.
 * Test-only: imported by `*.test.ts`, never by the core.
 */
import fc from 'fast-check';
import type { MatchOffer, MatchRequest, PartnershipType, SizeClassKey } from './types';

export const TOPIC_POOL = [
  'pemasaran digital',
  'digital marketing',
  'medsos',
  'instagram',
  'ekspor',
  'export',
  'pembukuan',
  'bookkeeping',
  'halal',
  'kemasan',
  'packaging',
  'kopi',
  'keripik',
  'batik',
  'teknik informatika',
  'computer science',
  'reseller',
  'modal usaha',
  'montong',
  'Café-Kopi!',
  '',
] as const;
const PROVINCE_POOL = ['33', '31', '35', '94', '53', '11', '99', ''] as const;
const SECTOR_POOL = ['kuliner', 'fesyen', 'kriya', 'pertanian', 'unknown_sector'] as const;
const SIZE_POOL: readonly SizeClassKey[] = ['mikro', 'kecil', 'menengah'];
const TYPE_POOL: readonly PartnershipType[] = ['mentorship', 'internship', 'distribution'];
const DATE_POOL = [
  '2026-01-01',
  '2026-03-15',
  '2026-06-30',
  '2026-12-31',
  '2026-02-30',
  'not-a-date',
] as const;
const CERT_POOL = ['halal', 'PIRT', 'P-IRT', 'BPOM', 'SNI', 'organik'] as const;

const text = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...TOPIC_POOL) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);
const tags = (max: number) => fc.array(text, { maxLength: max });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

export const requestArb: fc.Arbitrary<MatchRequest> = fc.record({
  id: fc.string({ minLength: 1, maxLength: 6 }),
  type: fc.constantFrom(...TYPE_POOL),
  needs: tags(4),
  mode: maybe(fc.constantFrom('online', 'offline', 'any') as fc.Arbitrary<'online' | 'offline' | 'any'>),
  provinces: maybe(fc.array(fc.constantFrom(...PROVINCE_POOL), { maxLength: 2 })),
  startDate: maybe(fc.constantFrom(...DATE_POOL)),
  endDate: maybe(fc.constantFrom(...DATE_POOL)),
  languages: maybe(fc.array(fc.constantFrom('id', 'en', 'Jawa', 'klingon', ''), { maxLength: 2 })),
  business: fc.record({
    id: fc.string({ maxLength: 4 }),
    province: fc.constantFrom(...PROVINCE_POOL),
    city: maybe(fc.constantFrom('Pekalongan', 'Surakarta', 'Nowhere')),
    sizeClass: fc.constantFrom(...SIZE_POOL),
    sector: fc.constantFrom(...SECTOR_POOL),
    kbli: maybe(
      fc.array(fc.constantFrom('13134', '10792', '1079', '10', 'C', 'xx', '47111'), { maxLength: 2 }),
    ),
    products: maybe(tags(2)),
    certifications: maybe(fc.array(fc.constantFrom(...CERT_POOL), { maxLength: 3 })),
  }),
});

export const offerArb: fc.Arbitrary<MatchOffer> = fc.record({
  id: fc.string({ minLength: 1, maxLength: 6 }),
  type: fc.constantFrom(...TYPE_POOL),
  topics: tags(5),
  sectors: maybe(fc.array(fc.constantFrom(...SECTOR_POOL), { maxLength: 2 })),
  kbli: maybe(fc.array(fc.constantFrom('13134', '1313', '10', 'C', 'G', '9'), { maxLength: 2 })),
  sizeClasses: maybe(fc.array(fc.constantFrom(...SIZE_POOL), { maxLength: 2 })),
  provinces: maybe(fc.array(fc.constantFrom(...PROVINCE_POOL), { maxLength: 3 })),
  mode: fc.constantFrom('online', 'offline', 'hybrid') as fc.Arbitrary<'online' | 'offline' | 'hybrid'>,
  capacity: fc.integer({ min: 0, max: 4 }),
  remaining: fc.integer({ min: -1, max: 3 }),
  startDate: maybe(fc.constantFrom(...DATE_POOL)),
  endDate: maybe(fc.constantFrom(...DATE_POOL)),
  requiredCertifications: maybe(fc.array(fc.constantFrom(...CERT_POOL), { maxLength: 2 })),
  languages: maybe(fc.array(fc.constantFrom('id', 'en', 'Jawa', 'klingon'), { maxLength: 2 })),
  organization: fc.record({
    id: fc.string({ maxLength: 4 }),
    kind: fc.constantFrom('corporate', 'university', 'community') as fc.Arbitrary<
      'corporate' | 'university' | 'community'
    >,
    province: fc.constantFrom(...PROVINCE_POOL),
    city: maybe(fc.constantFrom('Pekalongan', 'Semarang', 'Nowhere')),
  }),
  track: maybe(
    fc.record({
      ratingCount: fc.oneof(fc.integer({ min: 0, max: 50 }), fc.constant(Number.NaN), fc.constant(-3)),
      ratingSum: fc.oneof(
        fc.double({ min: 0, max: 250, noNaN: true }),
        fc.constant(Number.POSITIVE_INFINITY),
      ),
    }),
  ),
});

/** A round with unique ids (allocation requires them): ids are re-labelled by position. */
export const roundArb = (maxRequests: number, maxOffers: number) =>
  fc
    .record({
      requests: fc.array(requestArb, { maxLength: maxRequests }),
      offers: fc.array(offerArb, { maxLength: maxOffers }),
    })
    .map(({ requests, offers }) => ({
      requests: requests.map((r, i) => ({ ...r, id: `r${i}` })),
      offers: offers.map((o, i) => ({ ...o, id: `o${i}` })),
    }));

/** Deterministic shuffle driven by fast-check's random source, for order-independence properties. */
export const shuffled = <T>(items: readonly T[]) =>
  fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });
