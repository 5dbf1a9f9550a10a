/**
 * Certifications and permits a UMKM may hold and a partner may require, with the spellings people type.
 * Offers and businesses store the `key`; input is resolved through {@link resolveCertification}
 * (`certifications.ts`), which ignores noise words ("sertifikat", "wajib", "aktif", "(MUI)") and refuses
 * anything it cannot place, naming the closest entries.
 *
 * `implies`: holding this one also satisfies those (a BPOM MD registration is a BPOM registration).
 *
 * Sources (legal basis and issuing body, checked against the issuers' own pages):
 * - halal: UU 33/2014 Jaminan Produk Halal, PP 39/2021; issued by BPJPH (Kemenag) on MUI's fatwa;
 *   free self-declare route "SEHATI" for micro businesses (halal.go.id).
 * - P-IRT / SPP-IRT: Peraturan BPOM 22/2018 on the Sertifikat Produksi Pangan Industri Rumah Tangga,
 *   issued by the regency/city government (Dinas Kesehatan) through OSS (pirt.id / oss.go.id).
 * - BPOM MD / ML: izin edar for processed food made in Indonesia (MD) or imported (ML), Peraturan BPOM
 *   27/2017; cosmetics notification (NA) Peraturan BPOM 21/2022; traditional medicine (TR) Peraturan
 *   BPOM 32/2019 (pom.go.id).
 * - NIB: PP 5/2021 risk-based licensing, issued through OSS RBA (oss.go.id); Sertifikat Standar likewise.
 * - SNI: UU 20/2014 Standardisasi dan Penilaian Kesesuaian; SPPT-SNI by LSPro accredited by KAN (bsn.go.id).
 * - SLHS: Permenkes 14/2021 (Sertifikat Laik Higiene Sanitasi for food businesses), Dinas Kesehatan.
 * - HACCP: Codex Alimentarius CXC 1-1969 (General Principles of Food Hygiene, HACCP annex); SNI CAC/RCP 1.
 * - ISO 22000 (food safety management), ISO 9001 (quality management), ISO 14001 (environment): iso.org.
 * - CPPOB / GMP: Peraturan BPOM 75/2016 Cara Produksi Pangan Olahan yang Baik; CPOTB for herbal medicine.
 * - Organik: SNI 6729:2016 Sistem Pertanian Organik, "Organik Indonesia" logo via LSO accredited by KAN.
 * - SVLK / V-Legal: Permen LHK 8/2021, timber legality (silk.menlhk.go.id).
 * - PKRT: Permenkes 62/2017, household health supplies registration.
 * - TKDN: Permenperin 16/2011, domestic-content certificate for government procurement.
 * - HKI (registered trademark): UU 20/2016 Merek dan Indikasi Geografis, DJKI (dgip.go.id).
 * - CHSE: Permenparekraf 13/2020, cleanliness/health/safety/environment certification for tourism.
 * - NKV: Permentan 11/2020, veterinary control number for animal-product businesses.
 */
export interface Certification {
  readonly key: string;
  /** Label in Bahasa Indonesia. */
  readonly id: string;
  /** Label in English. */
  readonly en: string;
  /** Spellings people type, besides the key and the two labels. */
  readonly aliases: readonly string[];
  /** Keys this certification also satisfies. */
  readonly implies?: readonly string[];
}

export const CERTIFICATIONS: readonly Certification[] = [
  {
    key: 'halal',
    id: 'Sertifikat Halal',
    en: 'Halal certificate',
    aliases: ['halal mui', 'mui', 'bpjph', 'label halal', 'halal indonesia', 'sehati', 'halal self declare', 'self declare halal', 'sh', 'halal bpjph'],
  },
  {
    key: 'pirt',
    id: 'SPP-IRT (P-IRT)',
    en: 'Home-industry food permit (SPP-IRT)',
    aliases: ['p irt', 'pirt', 'spp irt', 'sppirt', 'sertifikat produksi pangan industri rumah tangga', 'izin pirt', 'no pirt', 'nomor pirt', 'pangan industri rumah tangga', 'dinkes pirt'],
  },
  {
    key: 'bpom',
    id: 'Izin edar BPOM',
    en: 'BPOM registration',
    aliases: ['bpom', 'badan pom', 'izin edar', 'pom', 'izin bpom', 'nomor bpom', 'bpom ri', 'registrasi bpom'],
  },
  {
    key: 'bpom_md',
    id: 'BPOM MD (pangan olahan dalam negeri)',
    en: 'BPOM MD (domestic processed food)',
    aliases: ['md', 'bpom md', 'md bpom', 'pom md', 'izin edar md', 'bpom ri md'],
    implies: ['bpom'],
  },
  {
    key: 'bpom_ml',
    id: 'BPOM ML (pangan olahan impor)',
    en: 'BPOM ML (imported processed food)',
    aliases: ['ml', 'bpom ml', 'ml bpom', 'pom ml', 'izin edar ml'],
    implies: ['bpom'],
  },
  {
    key: 'bpom_na',
    id: 'Notifikasi kosmetik BPOM (NA)',
    en: 'BPOM cosmetics notification (NA)',
    aliases: ['na', 'bpom na', 'notifikasi kosmetik', 'notifikasi bpom', 'bpom kosmetik', 'izin kosmetik'],
    implies: ['bpom'],
  },
  {
    key: 'bpom_tr',
    id: 'BPOM TR (obat tradisional)',
    en: 'BPOM TR (traditional medicine)',
    aliases: ['tr', 'bpom tr', 'pom tr', 'izin jamu', 'bpom jamu', 'obat tradisional'],
    implies: ['bpom'],
  },
  {
    key: 'nib',
    id: 'NIB (Nomor Induk Berusaha)',
    en: 'Business identification number (NIB)',
    aliases: ['nib', 'nomor induk berusaha', 'oss', 'oss rba', 'nib oss', 'izin usaha', 'nib rba'],
  },
  {
    key: 'sertifikat_standar',
    id: 'Sertifikat Standar (OSS)',
    en: 'Standard certificate (OSS)',
    aliases: ['sertifikat standar', 'standar oss', 'sertifikat standar oss'],
    implies: ['nib'],
  },
  {
    key: 'sni',
    id: 'SNI (Standar Nasional Indonesia)',
    en: 'Indonesian National Standard (SNI)',
    aliases: ['sni', 'sppt sni', 'standar nasional indonesia', 'tanda sni', 'logo sni'],
  },
  {
    key: 'slhs',
    id: 'Sertifikat Laik Higiene Sanitasi',
    en: 'Hygiene and sanitation certificate (SLHS)',
    aliases: ['slhs', 'laik higiene', 'laik higiene sanitasi', 'higiene sanitasi', 'sertifikat laik sehat'],
  },
  {
    key: 'haccp',
    id: 'HACCP',
    en: 'HACCP',
    aliases: ['haccp', 'hazard analysis critical control point', 'hazard analysis and critical control points'],
  },
  {
    key: 'iso_22000',
    id: 'ISO 22000 (keamanan pangan)',
    en: 'ISO 22000 (food safety)',
    aliases: ['iso 22000', 'iso22000', 'fssc 22000', 'fssc22000'],
  },
  {
    key: 'iso_9001',
    id: 'ISO 9001 (manajemen mutu)',
    en: 'ISO 9001 (quality management)',
    aliases: ['iso 9001', 'iso9001', 'iso 9001 2015'],
  },
  {
    key: 'iso_14001',
    id: 'ISO 14001 (manajemen lingkungan)',
    en: 'ISO 14001 (environmental management)',
    aliases: ['iso 14001', 'iso14001'],
  },
  {
    key: 'cppob',
    id: 'CPPOB / GMP',
    en: 'Good manufacturing practice (CPPOB / GMP)',
    aliases: ['cppob', 'gmp', 'good manufacturing practice', 'cara produksi pangan olahan yang baik', 'cpotb', 'cpkb'],
  },
  {
    key: 'organik',
    id: 'Sertifikat Organik (SNI 6729)',
    en: 'Organic certificate (SNI 6729)',
    aliases: ['organik', 'organic', 'organik indonesia', 'sni 6729', 'lso', 'organic certified', 'bio'],
  },
  {
    key: 'svlk',
    id: 'SVLK / V-Legal',
    en: 'Timber legality (SVLK / V-Legal)',
    aliases: ['svlk', 'v legal', 'vlegal', 'legalitas kayu', 'sertifikat legalitas kayu'],
  },
  {
    key: 'pkrt',
    id: 'Izin PKRT',
    en: 'Household health supplies permit (PKRT)',
    aliases: ['pkrt', 'izin pkrt', 'perbekalan kesehatan rumah tangga'],
  },
  {
    key: 'tkdn',
    id: 'Sertifikat TKDN',
    en: 'Domestic content certificate (TKDN)',
    aliases: ['tkdn', 'tingkat komponen dalam negeri'],
  },
  {
    key: 'haki',
    id: 'Merek terdaftar (HKI)',
    en: 'Registered trademark (IP)',
    aliases: ['haki', 'hki', 'merek terdaftar', 'sertifikat merek', 'djki', 'hak merek', 'trademark', 'registered trademark'],
  },
  {
    key: 'chse',
    id: 'Sertifikat CHSE',
    en: 'CHSE certificate (tourism)',
    aliases: ['chse', 'cleanliness health safety environment', 'indonesia care'],
  },
  {
    key: 'nkv',
    id: 'Nomor Kontrol Veteriner (NKV)',
    en: 'Veterinary control number (NKV)',
    aliases: ['nkv', 'nomor kontrol veteriner', 'kontrol veteriner'],
  },
];
