import type { HardFilterName } from '@sinergi/shared/matching';
import type {
  OfferMode,
  OfferType,
  OrganizationKind,
  PartnershipStatus,
  RequestMode,
  RequestStatus,
  Role,
  SizeClass,
} from '@sinergi/shared/schemas';

/** Every word a person reads, Bahasa Indonesia first and English second: [id, en]. */
export type Bilingual = readonly [string, string];

export const ROLE_LABELS: Record<Role, Bilingual> = {
  business: ['UMKM', 'Small business'],
  corporate: ['Korporasi', 'Corporate'],
  university: ['Universitas', 'University'],
  community: ['Komunitas', 'Community distributor'],
  admin: ['Admin program', 'Programme admin'],
};

export const TYPE_LABELS: Record<OfferType, Bilingual> = {
  mentorship: ['Mentoring', 'Mentorship'],
  internship: ['Magang', 'Internship'],
  distribution: ['Distribusi', 'Distribution'],
};

/** The offer type an organization posts follows its kind. */
export const OFFER_TYPE_OF_KIND: Record<OrganizationKind, OfferType> = {
  corporate: 'mentorship',
  university: 'internship',
  community: 'distribution',
};

export const MODE_LABELS: Record<OfferMode | RequestMode, Bilingual> = {
  online: ['Daring', 'Online'],
  offline: ['Luring (tatap muka)', 'Offline'],
  hybrid: ['Hibrida', 'Hybrid'],
  any: ['Apa saja', 'Any'],
};

export const SIZE_LABELS: Record<SizeClass, Bilingual> = {
  mikro: ['Mikro', 'Micro'],
  kecil: ['Kecil', 'Small'],
  menengah: ['Menengah', 'Medium'],
};

export const STATUS_LABELS: Record<PartnershipStatus, Bilingual> = {
  proposed: ['Diajukan', 'Proposed'],
  active: ['Aktif', 'Active'],
  declined: ['Ditolak', 'Declined'],
  cancelled: ['Dibatalkan', 'Cancelled'],
  withdrawn: ['Ditarik', 'Withdrawn'],
  completed: ['Selesai', 'Completed'],
};

export const REQUEST_STATUS_LABELS: Record<RequestStatus, Bilingual> = {
  open: ['Terbuka', 'Open'],
  matched: ['Terpenuhi', 'Matched'],
  closed: ['Ditutup', 'Closed'],
};

export const COMPONENT_LABELS: Record<string, Bilingual> = {
  topic: ['Kebutuhan terpenuhi', 'Needs covered'],
  partnerTopic: ['Minat mitra', "Partner's topics"],
  sector: ['Sektor (KBLI)', 'Sector (KBLI)'],
  sizeClass: ['Kelas usaha', 'Size class'],
  location: ['Lokasi', 'Location'],
  dates: ['Tanggal', 'Dates'],
  language: ['Bahasa', 'Language'],
  track: ['Rekam jejak', 'Track record'],
};

export const FILTER_LABELS: Record<HardFilterName, Bilingual> = {
  type: ['Jenis', 'Type'],
  capacity: ['Kuota habis', 'No places left'],
  dates: ['Tanggal', 'Dates'],
  certification: ['Sertifikasi', 'Certification'],
  mode: ['Mode', 'Mode'],
  reach: ['Jangkauan', 'Reach'],
  sizeClass: ['Kelas usaha', 'Size class'],
  sector: ['Sektor', 'Sector'],
};

const percent = new Intl.NumberFormat('id-ID', { style: 'percent', maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2, minimumFractionDigits: 2 });

/** 0.734 → "73%". */
export const formatPercent = (v: number) => percent.format(v);
/** 12.3456 → "12,35". */
export const formatDecimal = (v: number) => decimal.format(v);

/** "pemasaran digital, ekspor" → ["pemasaran digital", "ekspor"]: the free-text tag fields. */
export function splitTags(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
}
