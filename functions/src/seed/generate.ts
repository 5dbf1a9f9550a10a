/**
 * Demo data that looks like Indonesia's small industry, generated deterministically from a seed.
 *
 * Pure: no I/O, no clock. The loader (index.ts) sends these bodies through the public API, so demo data
 * obeys exactly the rules a real client does. Facts (provinces, poverty rates, cities with coordinates,
 * sectors with KBLI codes, size classes) come from shared/src/reference, which carries their sources.
 */
import { citiesOf, PROVINCES, type Province, SECTORS, type Sector } from '@sinergi/shared/reference';
import type {
  BusinessCreate,
  OfferCreate,
  OfferType,
  OrganizationCreate,
  OrganizationKind,
  RequestCreate,
} from '@sinergi/shared/schemas';
import { createRandom, type Random } from './random';

/** The seed's bodies are the API's own request bodies (one source: @sinergi/shared/schemas). */
export type { OfferType };
export type PartnerRole = OrganizationKind;
export type BusinessBody = BusinessCreate;
export type RequestBody = RequestCreate;
export type OrganizationBody = OrganizationCreate;
export type OfferBody = OfferCreate;

export interface DemoBusiness {
  /** Stable key: the dev-login name of its owner and the root of its idempotency keys. */
  key: string;
  body: BusinessBody;
  requests: RequestBody[];
}

export interface DemoOrganization {
  key: string;
  role: PartnerRole;
  body: OrganizationBody;
  offers: OfferBody[];
}

export interface DemoData {
  businesses: DemoBusiness[];
  organizations: DemoOrganization[];
}

export interface DemoSize {
  businesses: number;
  corporates: number;
  universities: number;
  communities: number;
}

export const DEFAULT_DEMO_SIZE: DemoSize = {
  businesses: 600,
  corporates: 28,
  universities: 26,
  communities: 44,
};
export const DEFAULT_DEMO_SEED = 20_251_129;

// ---------------------------------------------------------------------------------------------------
// Vocabulary of the demo: what UMKM make, sell and ask for, in the words their owners use.

const FIRST_NAMES: Record<Province['islandGroup'], readonly string[]> = {
  sumatera: [
    'Teuku',
    'Cut',
    'Ucok',
    'Butet',
    'Rahmat',
    'Nurhaliza',
    'Syafri',
    'Rosmawati',
    'Datuk',
    'Yusnidar',
  ],
  jawa: ['Sri', 'Siti', 'Budi', 'Slamet', 'Wati', 'Joko', 'Endang', 'Agus', 'Asep', 'Euis', 'Yuli', 'Dewi'],
  bali_nusa_tenggara: [
    'Made',
    'Ketut',
    'Wayan',
    'Putu',
    'Nyoman',
    'Lalu',
    'Baiq',
    'Yohanes',
    'Maria',
    'Frans',
  ],
  kalimantan: ['Dayang', 'Gusti', 'Rusdi', 'Norhayati', 'Akhmad', 'Yanti', 'Hendra', 'Kartini'],
  sulawesi: ['Andi', 'Daeng', 'Muh.', 'Hasnah', 'Irwan', 'Rahmawati', 'Stevi', 'Meyske'],
  maluku: ['Abdullah', 'Ongky', 'Nona', 'Johanis', 'Fatima', 'Sarah', 'Yopi'],
  papua: ['Marthen', 'Yosina', 'Elisabeth', 'Natalis', 'Mince', 'Yakobus', 'Ester', 'Petrus'],
};
const HONORIFICS = ['Bu', 'Pak', 'Mak', 'Mas', 'Mbak', 'Kak'] as const;
const GOOD_WORDS = [
  'Sejahtera',
  'Makmur',
  'Jaya',
  'Lestari',
  'Mandiri',
  'Berkah',
  'Sumber Rezeki',
  'Sekar Arum',
  'Barokah',
  'Sentosa',
  'Maju Bersama',
  'Nusantara',
];

interface SectorProfile {
  names: readonly string[];
  products: readonly string[];
  /** Certifications a business of this sector may hold, with the share that holds each. */
  certifications: readonly (readonly [string, number])[];
  description: string;
}

const SECTOR_PROFILES: Record<string, SectorProfile> = {
  kuliner: {
    names: [
      'Keripik Tempe',
      'Sambal',
      'Kue Kering',
      'Rendang',
      'Kopi',
      'Dodol',
      'Abon Ikan',
      'Kerupuk',
      'Madu Hutan',
      'Roti',
      'Kue Basah',
      'Teh Herbal',
    ],
    products: [
      'keripik',
      'sambal',
      'kue kering',
      'kopi bubuk',
      'kopi',
      'dodol',
      'abon',
      'kerupuk',
      'madu',
      'roti',
      'teh',
      'makanan ringan',
      'frozen food',
      'minuman',
    ],
    certifications: [
      ['halal', 0.45],
      ['pirt', 0.6],
      ['bpom', 0.12],
      ['nib', 0.7],
    ],
    description: 'Produksi makanan dan minuman rumahan',
  },
  fesyen: {
    names: ['Batik', 'Tenun Ikat', 'Songket', 'Konveksi', 'Bordir', 'Ulos', 'Batik Tulis', 'Busana Muslim'],
    products: [
      'batik tulis',
      'batik cap',
      'kain tenun',
      'songket',
      'pakaian jadi',
      'busana muslim',
      'bordir',
      'tas kain',
    ],
    certifications: [
      ['nib', 0.75],
      ['sni', 0.08],
      ['haki', 0.15],
    ],
    description: 'Usaha tekstil dan busana',
  },
  kriya: {
    names: [
      'Anyaman Pandan',
      'Ukiran Kayu',
      'Gerabah',
      'Kerajinan Rotan',
      'Perak',
      'Kerajinan Bambu',
      'Mebel Jati',
    ],
    products: [
      'anyaman',
      'ukiran kayu',
      'gerabah',
      'keramik',
      'kerajinan rotan',
      'perhiasan perak',
      'mebel',
      'dekorasi rumah',
      'suvenir',
    ],
    certifications: [
      ['nib', 0.7],
      ['svlk', 0.15],
      ['haki', 0.1],
    ],
    description: 'Kerajinan tangan',
  },
  perdagangan_eceran: {
    names: ['Toko Kelontong', 'Warung', 'Toko Oleh-oleh', 'Grosir Sembako', 'Toko Online'],
    products: ['sembako', 'oleh-oleh', 'barang kelontong', 'produk lokal', 'kebutuhan rumah tangga'],
    certifications: [['nib', 0.8]],
    description: 'Perdagangan eceran',
  },
  pertanian: {
    names: ['Tani', 'Kebun Kopi', 'Sayur Organik', 'Kebun Cabai', 'Kelompok Tani', 'Kebun Kakao'],
    products: [
      'sayuran organik',
      'cabai',
      'biji kopi',
      'kakao',
      'beras',
      'buah segar',
      'rempah-rempah',
      'vanili',
    ],
    certifications: [
      ['organik', 0.2],
      ['nib', 0.6],
      ['halal', 0.1],
    ],
    description: 'Pertanian dan perkebunan rakyat',
  },
  peternakan: {
    names: ['Ternak Ayam Kampung', 'Peternakan Kambing Etawa', 'Madu Lebah', 'Telur Ayam', 'Sapi Perah'],
    products: ['telur', 'ayam kampung', 'susu kambing', 'madu', 'daging sapi', 'susu sapi'],
    certifications: [
      ['nkv', 0.15],
      ['halal', 0.3],
      ['nib', 0.6],
    ],
    description: 'Peternakan rakyat',
  },
  perikanan: {
    names: ['Ikan Asap', 'Budidaya Lele', 'Terasi', 'Rumput Laut', 'Ikan Asin', 'Kerupuk Ikan'],
    products: ['ikan asap', 'lele', 'terasi', 'rumput laut', 'ikan asin', 'kerupuk ikan', 'udang'],
    certifications: [
      ['halal', 0.35],
      ['pirt', 0.45],
      ['bpom', 0.08],
      ['nib', 0.65],
    ],
    description: 'Perikanan tangkap, budidaya dan olahan ikan',
  },
  jasa_perorangan: {
    names: ['Salon', 'Pangkas Rambut', 'Servis Elektronik', 'Penjahit', 'Laundry', 'Bengkel Motor'],
    products: ['jasa salon', 'pangkas rambut', 'servis elektronik', 'jasa jahit', 'laundry', 'servis motor'],
    certifications: [['nib', 0.7]],
    description: 'Jasa perorangan',
  },
  pariwisata_akomodasi: {
    names: ['Homestay', 'Pondok Wisata', 'Desa Wisata', 'Penginapan'],
    products: ['homestay', 'paket wisata', 'penginapan', 'wisata budaya'],
    certifications: [
      ['chse', 0.3],
      ['nib', 0.75],
    ],
    description: 'Akomodasi dan wisata berbasis masyarakat',
  },
  transportasi: {
    names: ['Ojek', 'Angkutan', 'Travel', 'Ekspedisi Lokal'],
    products: ['jasa antar', 'angkutan barang', 'travel antarkota', 'kurir lokal'],
    certifications: [['nib', 0.7]],
    description: 'Transportasi dan pengiriman',
  },
};

/** Sector mix of the demo, weighted toward what UMKM mostly are (trade, food, crafts, fashion). */
const SECTOR_WEIGHTS: readonly (readonly [string, number])[] = [
  ['kuliner', 30],
  ['perdagangan_eceran', 16],
  ['fesyen', 12],
  ['kriya', 11],
  ['pertanian', 9],
  ['perikanan', 7],
  ['peternakan', 5],
  ['jasa_perorangan', 5],
  ['pariwisata_akomodasi', 3],
  ['transportasi', 2],
];

const SERVICE_SECTORS = new Set(['jasa_perorangan', 'pariwisata_akomodasi', 'transportasi']);

/** Size mix: the great majority of Indonesian UMKM are micro. */
const SIZE_WEIGHTS = [
  ['mikro', 72],
  ['kecil', 21],
  ['menengah', 7],
] as const;

const MENTORSHIP_NEEDS = [
  'pemasaran digital',
  'media sosial',
  'pembukuan',
  'manajemen keuangan',
  'ekspor',
  'sertifikasi halal',
  'kemasan',
  'branding',
  'akses permodalan',
  'e-commerce',
  'fotografi produk',
  'legalitas usaha',
  'manajemen stok',
  'kontrol kualitas',
  'digital marketing',
  'laporan keuangan',
  'merek dagang',
  'harga pokok produksi',
  'pelayanan pelanggan',
  'desain produk',
];
const INTERNSHIP_NEEDS = [
  'desain grafis',
  'akuntansi',
  'teknik informatika',
  'pemasaran',
  'fotografi',
  'pengembangan website',
  'administrasi',
  'teknologi pangan',
  'manajemen',
  'bahasa inggris',
  'media sosial',
  'analisis data',
  'agribisnis',
  'teknik mesin',
  'desain produk',
  'videografi',
];
const DISTRIBUTION_CHANNELS = [
  'marketplace',
  'toko oleh-oleh',
  'ritel modern',
  'koperasi',
  'ekspor',
  'reseller',
  'hotel dan restoran',
];

const CORPORATE_NAMES = [
  'PT Nusantara Digital Niaga',
  'PT Bank Rakyat Sejahtera',
  'PT Telekomunikasi Nusa',
  'PT Semen Persada',
  'PT Pupuk Tani Makmur',
  'PT Logistik Kepulauan',
  'PT Energi Hijau Indonesia',
  'PT Kopi Kapal Nusantara',
  'PT Ritel Serba Ada',
  'PT Tambang Sejahtera Abadi',
  'PT Asuransi Amanah',
  'PT Perkebunan Nusantara Raya',
  'PT Garuda Teknologi Finansial',
  'PT Maju Pangan Indonesia',
  'PT Samudra Perikanan',
  'PT Tekstil Priangan',
  'PT Marketplace Lokal Kita',
  'PT Pelabuhan Timur',
  'PT Kereta Cepat Logistik',
  'PT Farmasi Herbal Nusa',
  'PT Gas Bumi Persada',
  'PT Konsultan Ekspor Mandiri',
  'PT Sinar Kemasan',
  'PT Digital Pembayaran Nusantara',
  'PT Hotel Wisata Indah',
  'PT Ekspedisi Cepat Sampai',
  'PT Otomotif Bangsa',
  'PT Media Kreatif Nusantara',
  'PT Agro Lestari',
  'PT Baja Timur',
];
const UNIVERSITY_STEMS = [
  'Universitas Negeri',
  'Politeknik Negeri',
  'Universitas Teknologi',
  'Institut Bisnis',
  'Universitas Muhammadiyah',
  'Universitas Katolik',
  'Institut Pertanian',
  'Sekolah Tinggi Ilmu Ekonomi',
];
const COMMUNITY_STEMS = [
  'Koperasi Wanita',
  'Koperasi Produsen',
  'Jaringan Reseller',
  'BUMDes',
  'Koperasi Serba Usaha',
  'Komunitas Pasar Tani',
  'Gerai Oleh-oleh',
  'Koperasi Nelayan',
];

interface MentorshipTemplate {
  title: string;
  topics: readonly string[];
  languages: readonly string[];
  sectors?: readonly string[];
}

const MENTORSHIP_TEMPLATES: readonly MentorshipTemplate[] = [
  {
    title: 'Program Mentoring UMKM Go Digital',
    topics: ['pemasaran digital', 'media sosial', 'e-commerce', 'fotografi produk'],
    languages: ['id'],
  },
  {
    title: 'Digital Marketing Mentorship for Small Businesses',
    topics: ['digital marketing', 'social media', 'online store', 'branding'],
    languages: ['en', 'id'],
  },
  {
    title: 'Kelas Ekspor untuk UMKM',
    topics: ['ekspor', 'kemasan', 'sertifikasi', 'kontrol kualitas'],
    languages: ['id'],
  },
  {
    title: 'Export Readiness Coaching',
    topics: ['export', 'international trade', 'packaging', 'quality control'],
    languages: ['en'],
  },
  {
    title: 'Pendampingan Keuangan UMKM',
    topics: ['pembukuan', 'laporan keuangan', 'akses permodalan', 'harga pokok produksi'],
    languages: ['id'],
  },
  {
    title: 'Financial Literacy for Micro Enterprises',
    topics: ['bookkeeping', 'cash flow', 'access to finance', 'pricing'],
    languages: ['en', 'id'],
  },
  {
    title: 'Pendampingan Sertifikasi Halal dan PIRT',
    topics: ['sertifikasi halal', 'pirt', 'keamanan pangan', 'legalitas usaha'],
    languages: ['id'],
    sectors: ['kuliner', 'perikanan', 'peternakan'],
  },
  {
    title: 'Mentoring Desain Kemasan dan Merek',
    topics: ['kemasan', 'branding', 'merek dagang', 'desain produk'],
    languages: ['id'],
  },
  {
    title: 'Akselerator Wastra Nusantara',
    topics: ['desain produk', 'pemasaran digital', 'ekspor', 'haki'],
    languages: ['id', 'en'],
    sectors: ['fesyen', 'kriya'],
  },
  {
    title: 'Mentoring Agribisnis Pascapanen',
    topics: ['pascapanen', 'kontrol kualitas', 'akses pasar', 'koperasi'],
    languages: ['id'],
    sectors: ['pertanian', 'peternakan', 'perikanan'],
  },
  {
    title: 'Hospitality Coaching for Homestays',
    topics: ['customer service', 'online booking', 'digital marketing', 'hygiene'],
    languages: ['en', 'id'],
    sectors: ['pariwisata_akomodasi'],
  },
  {
    title: 'Manajemen Stok dan Rantai Pasok',
    topics: ['manajemen stok', 'logistik', 'rantai pasok', 'pembukuan'],
    languages: ['id'],
  },
];

const INTERNSHIP_PROGRAMS: readonly { title: string; topics: readonly string[] }[] = [
  {
    title: 'Magang MBKM Teknik Informatika',
    topics: ['teknik informatika', 'pengembangan website', 'analisis data'],
  },
  { title: 'Magang Akuntansi UMKM', topics: ['akuntansi', 'pembukuan', 'administrasi'] },
  {
    title: 'Magang Desain Komunikasi Visual',
    topics: ['desain grafis', 'fotografi', 'videografi', 'branding'],
  },
  { title: 'Magang Pemasaran Digital', topics: ['pemasaran', 'media sosial', 'digital marketing'] },
  { title: 'Magang Teknologi Pangan', topics: ['teknologi pangan', 'keamanan pangan', 'kontrol kualitas'] },
  { title: 'Magang Agribisnis', topics: ['agribisnis', 'pascapanen', 'manajemen'] },
  {
    title: 'Internship in Business English and Export',
    topics: ['bahasa inggris', 'ekspor', 'administrasi'],
  },
  { title: 'Magang Teknik Mesin Tepat Guna', topics: ['teknik mesin', 'produksi', 'perawatan mesin'] },
];

// ---------------------------------------------------------------------------------------------------

/** Spreads n businesses over all 38 provinces: a floor in each, the rest weighted toward Java. */
function provinceFor(index: number, n: number, random: Random): Province {
  const floor = Math.floor(n / PROVINCES.length / 2);
  if (index < floor * PROVINCES.length) return PROVINCES[index % PROVINCES.length] as Province;
  return random.weighted(PROVINCES.map((p) => [p, p.islandGroup === 'jawa' ? 4 : 1] as const));
}

function ownerName(province: Province, random: Random): string {
  return `${random.pick(HONORIFICS)} ${random.pick(FIRST_NAMES[province.islandGroup])}`;
}

function cityOf(province: Province, random: Random): string {
  const cities = citiesOf(province.code);
  return cities.length > 0 ? random.pick(cities).name : province.capital;
}

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A window of `months` months starting in one of the months after December 2026. */
function window(random: Random, months: number): { startDate: string; endDate: string } {
  const startMonth = random.int(1, 6);
  const endMonth = startMonth + months;
  return {
    startDate: isoDate(2027, startMonth, 1),
    endDate: isoDate(2027 + Math.floor((endMonth - 1) / 12), ((endMonth - 1) % 12) + 1, 28),
  };
}

function neighbours(province: Province): string[] {
  return PROVINCES.filter((p) => p.islandGroup === province.islandGroup).map((p) => p.code);
}

function makeBusiness(index: number, n: number, random: Random): DemoBusiness {
  const province = provinceFor(index, n, random);
  const sectorKey = random.weighted(SECTOR_WEIGHTS);
  const sector = SECTORS.find((s) => s.key === sectorKey) as Sector;
  const profile = SECTOR_PROFILES[sectorKey] as SectorProfile;
  const sizeClass = random.weighted(SIZE_WEIGHTS);
  const city = cityOf(province, random);
  const name = random.chance(0.5)
    ? `${random.pick(profile.names)} ${ownerName(province, random)}`
    : `${random.pick(profile.names)} ${random.pick(GOOD_WORDS)}`;
  const products = random.sample(profile.products, random.int(1, 3));
  const certifications = profile.certifications.filter(([, share]) => random.chance(share)).map(([c]) => c);
  const kbli = random.sample(sector.exampleKbli, random.int(1, 2)).map((k) => k.code);
  const key = `umkm-${String(index + 1).padStart(4, '0')}`;

  const requests: RequestBody[] = [];
  const wants = random.weighted<OfferType[]>([
    [['mentorship'], 40],
    [['distribution'], 20],
    [['internship'], 12],
    [['mentorship', 'distribution'], 18],
    [['mentorship', 'internship'], 10],
  ]);
  // Services (salons, homestays, ojek) have no goods for a distributor to carry.
  const sellsGoods = !SERVICE_SECTORS.has(sectorKey);
  for (const type of new Set(
    sellsGoods ? wants : wants.map((t) => (t === 'distribution' ? 'mentorship' : t)),
  )) {
    const reach = random.chance(0.6) ? [province.code] : neighbours(province);
    if (type === 'mentorship') {
      requests.push({
        type,
        needs: random.sample(MENTORSHIP_NEEDS, random.int(2, 4)),
        mode: random.weighted([
          ['any', 5],
          ['online', 3],
          ['offline', 2],
        ] as const),
        provinces: reach,
        ...window(random, random.int(3, 6)),
        note: `${profile.description} di ${city}, ingin naik kelas.`,
      });
    } else if (type === 'internship') {
      requests.push({
        type,
        needs: random.sample(INTERNSHIP_NEEDS, random.int(1, 3)),
        mode: random.chance(0.7) ? 'offline' : 'any',
        provinces: reach,
        ...window(random, random.int(3, 5)),
        note: 'Butuh mahasiswa magang untuk membantu operasional.',
      });
    } else {
      requests.push({
        type,
        needs: [...products, ...random.sample(DISTRIBUTION_CHANNELS, random.int(1, 2))],
        mode: 'any',
        provinces: random.chance(0.5) ? neighbours(province) : [province.code],
        note: 'Mencari mitra distribusi untuk memperluas pasar.',
      });
    }
  }

  return {
    key,
    body: {
      name,
      province: province.code,
      city,
      sizeClass,
      sector: sectorKey,
      kbli,
      products,
      certifications,
      description: `${profile.description} di ${city}, ${province.name}.`,
    },
    requests,
  };
}

function organizationName(role: PartnerRole, index: number, province: Province, random: Random): string {
  if (role === 'corporate') return CORPORATE_NAMES[index % CORPORATE_NAMES.length] as string;
  const stem = random.pick(role === 'university' ? UNIVERSITY_STEMS : COMMUNITY_STEMS);
  const place = role === 'university' ? province.capital : cityOf(province, random);
  return role === 'community' ? `${stem} ${random.pick(GOOD_WORDS)} ${place}` : `${stem} ${place}`;
}

function makeOffers(role: PartnerRole, province: Province, random: Random): OfferBody[] {
  const count = random.int(1, 2);
  const offers: OfferBody[] = [];
  for (let i = 0; i < count; i++) {
    if (role === 'corporate') {
      const t = random.pick(MENTORSHIP_TEMPLATES);
      const online = random.chance(0.55);
      offers.push({
        type: 'mentorship',
        title: t.title,
        topics: [...t.topics],
        ...(t.sectors ? { sectors: [...t.sectors] } : {}),
        ...(random.chance(0.3) ? { sizeClasses: ['mikro', 'kecil'] } : {}),
        ...(online ? {} : { provinces: neighbours(province) }),
        mode: online ? 'online' : random.chance(0.5) ? 'hybrid' : 'offline',
        capacity: random.int(4, 25),
        ...window(random, random.int(4, 8)),
        languages: [...t.languages],
      });
    } else if (role === 'university') {
      const p = random.pick(INTERNSHIP_PROGRAMS);
      offers.push({
        type: 'internship',
        title: `${p.title} ${province.capital}`,
        topics: [...p.topics],
        provinces: random.chance(0.6) ? [province.code] : neighbours(province),
        mode: random.chance(0.8) ? 'offline' : 'hybrid',
        capacity: random.int(5, 30),
        ...window(random, random.int(4, 6)),
        languages: ['id'],
      });
    } else {
      const sectorKey = random.weighted(
        SECTOR_WEIGHTS.filter(([k]) => k !== 'jasa_perorangan' && k !== 'transportasi'),
      );
      const profile = SECTOR_PROFILES[sectorKey] as SectorProfile;
      const food = sectorKey === 'kuliner' || sectorKey === 'perikanan' || sectorKey === 'peternakan';
      const topics = random.sample(profile.products, random.int(2, 4));
      offers.push({
        type: 'distribution',
        title: `Distribusi ${topics[0]} melalui ${random.pick(DISTRIBUTION_CHANNELS)} di ${province.name}`,
        topics,
        sectors: [sectorKey],
        // Networks that ship between islands (marketplaces, exporters) take suppliers from anywhere;
        // most serve their island group or their own province.
        ...random.weighted<{ provinces?: string[] }>([
          [{}, 4],
          [{ provinces: neighbours(province) }, 4],
          [{ provinces: [province.code] }, 2],
        ]),
        mode: 'offline',
        capacity: random.int(3, 15),
        ...(food ? { requiredCertifications: random.chance(0.6) ? ['halal', 'pirt'] : ['pirt'] } : {}),
        languages: ['id'],
      });
    }
  }
  return offers;
}

function makeOrganization(role: PartnerRole, index: number, random: Random): DemoOrganization {
  const province = random.weighted(PROVINCES.map((p) => [p, p.islandGroup === 'jawa' ? 3 : 1] as const));
  const name = organizationName(role, index, province, random);
  return {
    key: `${role}-${String(index + 1).padStart(3, '0')}`,
    role,
    body: {
      name,
      province: province.code,
      city: role === 'university' ? province.capital : cityOf(province, random),
      description:
        role === 'corporate'
          ? 'Program tanggung jawab sosial perusahaan (CSR) untuk pendampingan UMKM.'
          : role === 'university'
            ? 'Pusat karier dan koordinator MBKM: penempatan mahasiswa magang di UMKM.'
            : 'Jaringan distribusi komunitas untuk produk UMKM lokal.',
    },
    offers: makeOffers(role, province, random),
  };
}

/**
 * The demo data set for a seed. The same seed and size always give the same data.
 *
 * @example
 * const demo = generateDemoData();
 * demo.businesses.length; // 600
 */
export function generateDemoData(seed = DEFAULT_DEMO_SEED, size: DemoSize = DEFAULT_DEMO_SIZE): DemoData {
  const random = createRandom(seed);
  const businesses = Array.from({ length: size.businesses }, (_, i) =>
    makeBusiness(i, size.businesses, random),
  );
  const organizations = [
    ...Array.from({ length: size.corporates }, (_, i) => makeOrganization('corporate', i, random)),
    ...Array.from({ length: size.universities }, (_, i) => makeOrganization('university', i, random)),
    ...Array.from({ length: size.communities }, (_, i) => makeOrganization('community', i, random)),
  ];
  return { businesses, organizations };
}
