/**
 * Synthetic but realistic rounds for the benchmark: UMKM requests and partner offers drawn with a seeded
 * PRNG (mulberry32), so every run of `npm run bench` measures the same instances.
 *
 * The text pools mix Bahasa Indonesia and English, abbreviations and a few words the vocabulary does not
 * know, so the benchmark exercises the same code paths as real profiles (phrase matching, partial credit,
 * unknown-word matching, certification filters, offline reach, KBLI levels).
 */
import type { MatchOffer, MatchRequest, PartnershipType, SizeClassKey } from '../src/matching';
import { PROVINCES, SECTORS } from '../src/reference';

/** mulberry32: tiny, fast, good enough for instance generation; the seed fixes the whole stream. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)] as T;
const pickSome = <T>(rng: Rng, xs: readonly T[], min: number, max: number): T[] => {
  const n = min + Math.floor(rng() * (max - min + 1));
  const out = new Set<T>();
  for (let i = 0; i < n * 3 && out.size < n; i++) out.add(pick(rng, xs));
  return [...out];
};
const weighted = <T>(rng: Rng, xs: readonly (readonly [T, number])[]): T => {
  let x = rng() * xs.reduce((s, [, w]) => s + w, 0);
  for (const [v, w] of xs) {
    x -= w;
    if (x < 0) return v;
  }
  return (xs[xs.length - 1] as readonly [T, number])[0];
};

const MENTOR_TOPICS = [
  'pemasaran digital',
  'digital marketing',
  'media sosial',
  'instagram marketing',
  'tiktok',
  'branding',
  'pembukuan',
  'bookkeeping',
  'laporan keuangan',
  'akses permodalan',
  'KUR',
  'pajak UMKM',
  'ekspor',
  'export readiness',
  'sertifikasi halal',
  'P-IRT',
  'BPOM',
  'kemasan',
  'packaging design',
  'foto produk',
  'e-commerce',
  'marketplace',
  'Shopee',
  'rencana bisnis',
  'business plan',
  'manajemen SDM',
  'HACCP',
  'quality control',
  'pengendalian mutu',
  'hitung HPP',
  'pricing strategy',
  'negosiasi',
  'copywriting',
  'live selling',
  'SEO',
  'google ads',
  'supply chain',
  'manajemen stok',
  'legalitas usaha',
  'NIB',
  'HAKI',
  'pasar internasional',
  'pameran dagang',
  'customer service',
  'keuangan',
  'pemasaran',
  'koperasi syariah',
];
const INTERN_TOPICS = [
  'teknik informatika',
  'computer science',
  'sistem informasi',
  'desain komunikasi visual',
  'DKV',
  'desain grafis',
  'akuntansi',
  'manajemen',
  'ilmu komunikasi',
  'teknologi pangan',
  'agribisnis',
  'teknik industri',
  'teknik mesin',
  'sains data',
  'web development',
  'mobile app',
  'UI/UX',
  'fotografi',
  'videografi',
  'pemasaran digital',
  'bahasa inggris',
  'hubungan internasional',
  'gizi',
  'farmasi',
  'teknik elektro',
  'IoT',
  'ilmu hukum',
  'perhotelan',
  'pariwisata',
  'agroteknologi',
  'statistika',
];
const DISTRIBUTION_TOPICS = [
  'keripik',
  'kerupuk',
  'camilan',
  'kopi',
  'coffee',
  'teh',
  'madu',
  'sambal',
  'frozen food',
  'kue kering',
  'roti',
  'jamu',
  'rempah',
  'gula aren',
  'minuman',
  'batik',
  'tenun',
  'konveksi',
  'hijab',
  'tas',
  'sepatu',
  'kerajinan kayu',
  'anyaman rotan',
  'gerabah',
  'suvenir',
  'skincare',
  'minyak atsiri',
  'sayuran',
  'buah',
  'beras',
  'telur',
  'olahan ikan',
  'abon',
  'oleh-oleh',
  'reseller',
  'retail modern',
  'grosir',
  'ekspor',
  'e-katalog',
  'HORECA',
  'konsinyasi',
];
const PRODUCTS_BY_SECTOR: Record<string, readonly string[]> = {
  kuliner: [
    'keripik singkong',
    'kopi bubuk',
    'sambal kemasan',
    'kue kering',
    'frozen food',
    'madu hutan',
    'roti',
    'abon ikan',
    'gula semut',
    'jamu',
  ],
  fesyen: ['batik tulis', 'batik cap', 'tenun ikat', 'kaos', 'hijab', 'tas kulit', 'sepatu', 'bordir'],
  kriya: ['ukiran kayu', 'anyaman rotan', 'gerabah', 'suvenir', 'kerajinan perak', 'mebel'],
  perdagangan_eceran: ['toko kelontong', 'sembako', 'pulsa', 'warung'],
  pertanian: ['sayuran', 'cabai', 'buah segar', 'beras organik', 'kopi arabika'],
  peternakan: ['telur ayam kampung', 'susu kambing', 'daging sapi'],
  perikanan: ['lele', 'udang vaname', 'ikan asin', 'rumput laut'],
  jasa_perorangan: ['salon', 'laundry', 'servis hp'],
  pariwisata_akomodasi: ['homestay', 'paket wisata'],
  transportasi: ['ojek', 'rental mobil'],
};
const UNKNOWN_WORDS = ['montong', 'sarimbit', 'lurik', 'getuk', 'wingko', 'bakpia', 'serabi', 'klepon'];

const TYPES: readonly (readonly [PartnershipType, number])[] = [
  ['mentorship', 0.5],
  ['internship', 0.2],
  ['distribution', 0.3],
];

function topicsFor(type: PartnershipType): readonly string[] {
  return type === 'mentorship' ? MENTOR_TOPICS : type === 'internship' ? INTERN_TOPICS : DISTRIBUTION_TOPICS;
}

function dateRange(rng: Rng): { startDate?: string; endDate?: string } {
  if (rng() < 0.5) return {};
  const month = 1 + Math.floor(rng() * 9);
  const len = 1 + Math.floor(rng() * 4);
  const mm = (m: number) => String(m).padStart(2, '0');
  return { startDate: `2026-${mm(month)}-01`, endDate: `2026-${mm(Math.min(12, month + len))}-28` };
}

/** `n` requests, ids `req-000001`… */
export function generateRequests(n: number, seed: number): MatchRequest[] {
  const rng = mulberry32(seed);
  return Array.from({ length: n }, (_, i) => {
    const type = weighted(rng, TYPES);
    const sector = pick(rng, SECTORS);
    const province = pick(rng, PROVINCES);
    const needs = pickSome(rng, topicsFor(type), 1, 4);
    if (rng() < 0.1) needs.push(pick(rng, UNKNOWN_WORDS));
    const certifications: string[] = [];
    if (rng() < 0.4) certifications.push(pick(rng, ['halal', 'Sertifikat Halal MUI', 'HALAL']));
    if (rng() < 0.3) certifications.push(pick(rng, ['PIRT', 'P-IRT', 'SPP-IRT']));
    if (rng() < 0.1) certifications.push('BPOM MD');
    const kbli = sector.exampleKbli.length > 0 && rng() < 0.7 ? [pick(rng, sector.exampleKbli).code] : [];
    const sizeClass: SizeClassKey = weighted(rng, [
      ['mikro', 0.7],
      ['kecil', 0.25],
      ['menengah', 0.05],
    ] as const);
    return {
      id: `req-${String(i).padStart(6, '0')}`,
      type,
      needs,
      mode: weighted(rng, [
        ['any', 0.6],
        ['online', 0.25],
        ['offline', 0.15],
      ] as const),
      provinces: rng() < 0.2 ? [pick(rng, PROVINCES).code] : [],
      ...dateRange(rng),
      languages: rng() < 0.85 ? ['id'] : ['id', 'en'],
      business: {
        id: `umkm-${i}`,
        province: province.code,
        sizeClass,
        sector: sector.key,
        kbli,
        products: pickSome(rng, PRODUCTS_BY_SECTOR[sector.key] ?? [], 0, 2),
        certifications,
      },
    };
  });
}

/** `n` offers, ids `off-00001`…; capacities 1–`maxCapacity` places. */
export function generateOffers(n: number, seed: number, maxCapacity = 16): MatchOffer[] {
  const rng = mulberry32(seed);
  return Array.from({ length: n }, (_, i) => {
    const type = weighted(rng, TYPES);
    const org = pick(rng, PROVINCES);
    const capacity = 1 + Math.floor(rng() * maxCapacity);
    const ratingCount = rng() < 0.6 ? Math.floor(rng() * 40) : 0;
    return {
      id: `off-${String(i).padStart(5, '0')}`,
      type,
      topics: pickSome(rng, topicsFor(type), 2, 6),
      sectors: rng() < 0.3 ? pickSome(rng, SECTORS, 1, 3).map((s) => s.key) : [],
      kbli: rng() < 0.2 ? [pick(rng, pick(rng, SECTORS).kbliDivisions)] : [],
      sizeClasses: rng() < 0.2 ? pickSome(rng, ['mikro', 'kecil', 'menengah'] as const, 1, 2) : [],
      provinces: rng() < 0.4 ? pickSome(rng, PROVINCES, 1, 5).map((p) => p.code) : [],
      mode: weighted(rng, [
        ['online', 0.4],
        ['offline', 0.3],
        ['hybrid', 0.3],
      ] as const),
      capacity,
      remaining: capacity,
      ...dateRange(rng),
      requiredCertifications: type === 'distribution' && rng() < 0.3 ? ['halal'] : [],
      languages: weighted(rng, [
        [['id'], 0.7],
        [['en'], 0.1],
        [['id', 'en'], 0.2],
      ] as const),
      organization: {
        id: `org-${i}`,
        kind: type === 'mentorship' ? 'corporate' : type === 'internship' ? 'university' : 'community',
        province: org.code,
      },
      track: { ratingCount, ratingSum: ratingCount * (3 + rng() * 2) },
    };
  });
}
