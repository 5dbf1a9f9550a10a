/**
 * Preparation: everything about one request or one offer that does not depend on the other side is
 * computed once here — text → concept ids and bitsets, province → index and coordinates, KBLI → keys,
 * dates → day numbers, ratings → a shrunk score, and for offline offers a 38-entry table of location
 * scores per UMKM province. The per-pair kernel (`kernel.ts`) then only reads numbers and typed arrays:
 * no strings, no allocation, no trigonometry.
 *
 * Prepared values are immutable and independent of weights and impact policy, so the API may cache them
 * alongside the stored entity and reuse them across rankings and rounds.
 */
import {
  CERTIFICATION_KEYS,
  certificationsSatisfiedBy,
  citiesOf,
  findProvince,
  MAX_POVERTY_RATE_PCT,
  MEDIAN_POVERTY_RATE_PCT,
  PROVINCES,
  resolveCertification,
  SECTORS,
} from '../reference';
import { kbliKeys } from './kbli';
import type { MatchOffer, MatchRequest, PartnershipType, SizeClassKey } from './types';
import {
  analyseTexts,
  CONCEPT_BITSET_WORDS,
  type ConceptHit,
  conceptIdOf,
  extractConcepts,
  isKnownConcept,
  normalizeText,
  relatedConcepts,
} from './vocabulary';
import { LEVELS } from './weights';

export const TYPE_CODES: Readonly<Record<PartnershipType, number>> = {
  mentorship: 0,
  internship: 1,
  distribution: 2,
};
const SIZE_BITS: Readonly<Record<SizeClassKey, number>> = { mikro: 1, kecil: 2, menengah: 4 };

/** A request ready for the kernel. Build with {@link prepareRequest}; treat as opaque. */
export interface PreparedRequest {
  readonly kind: 'prepared-request';
  readonly source: MatchRequest;
  readonly typeCode: number;
  /** Needs (plus products for distribution requests): what the UMKM wants covered. */
  readonly needHits: readonly ConceptHit[];
  readonly needKnown: Int32Array;
  readonly needUnknown: Int32Array;
  /**
   * Denominator of the UMKM-side topic share: the recognised concepts among the needs. Words that were not
   * understood never lower the score (a chatty need scores like a terse one); only when nothing at all
   * was recognised do the words themselves count, so free text still matches itself.
   */
  readonly needCount: number;
  /** Words of the needs that were not understood, as typed (shown to the owner, never scored against). */
  readonly needNotUnderstood: readonly string[];
  /** Everything the partner may be looking for in this UMKM: needs, products and the sector's concept. */
  readonly profileHits: readonly ConceptHit[];
  readonly profileBits: Uint32Array;
  readonly profileRelatedBits: Uint32Array;
  readonly profileUnknown: Int32Array;
  /** Certifications held, as bits in reference order (CERTIFICATION_KEYS), implied ones included. */
  readonly certificationMask: number;
  /** 0 online only, 1 offline only, 2 any. */
  readonly modeCode: number;
  /** Index into reference PROVINCES, -1 when unknown. */
  readonly provinceIndex: number;
  /** Provinces the UMKM can reach (own + listed), as a 64-bit mask split in two words. */
  readonly reachLow: number;
  readonly reachHigh: number;
  /** Stable city key (province index · 1000 + city index), -1 when unknown. */
  readonly cityKey: number;
  readonly startDay: number;
  readonly endDay: number;
  readonly languageMask: number;
  readonly sizeBit: number;
  /** Bit of the sector in reference SECTORS order, 0 when unknown. */
  readonly sectorBit: number;
  readonly kbliKeys: Int32Array;
  /** Poverty part of the impact need, in [0, 1]: 0 at or below the median province, 1 at the poorest. */
  readonly povertyNeed: number;
  readonly isMicro: boolean;
  /** Province poverty rate above the median (the "high-poverty" line of the round report). */
  readonly highPoverty: boolean;
}

/** An offer ready for the kernel. Build with {@link prepareOffer}; treat as opaque. */
export interface PreparedOffer {
  readonly kind: 'prepared-offer';
  readonly source: MatchOffer;
  readonly typeCode: number;
  readonly remaining: number;
  readonly topicHits: readonly ConceptHit[];
  readonly topicKnown: Int32Array;
  readonly topicBits: Uint32Array;
  readonly topicRelatedBits: Uint32Array;
  readonly topicUnknown: Int32Array;
  /** Total distinct topic concepts (known + unknown). */
  readonly topicCount: number;
  /**
   * Required certifications as bits in reference order. An entry that names no reference certification
   * (legacy free text) is left out: noise never excludes a business.
   */
  readonly requiredMask: number;
  /** Keys of the required certifications (for explanations). */
  readonly requiredCertifications: readonly string[];
  /** 0 online, 1 offline, 2 hybrid. */
  readonly modeCode: number;
  readonly servesAll: boolean;
  readonly serveLow: number;
  readonly serveHigh: number;
  readonly orgProvinceIndex: number;
  readonly orgCityKey: number;
  /** Offline location score for a UMKM in each province (index = PROVINCES index). */
  readonly locationByProvince: Float64Array;
  readonly startDay: number;
  readonly endDay: number;
  readonly languageMask: number;
  /** Allowed size classes as bits, 0 = all. */
  readonly sizeMask: number;
  /** Allowed sectors as bits (reference SECTORS order), 0 = all. */
  readonly sectorMask: number;
  readonly kbliKeys: Int32Array;
  /** Track-record component, in [0, 1] (shrunk mean rating). */
  readonly track: number;
}

/** Day numbers standing in for "no start" / "no end": far outside any real date. */
export const OPEN_START = -1e9;
export const OPEN_END = 1e9;

/**
 * Days since 1970-01-01 for a `YYYY-MM-DD` string, or undefined when malformed. Pure: parses the string,
 * never reads the clock.
 *
 * @example
 * dayNumber('1970-01-02'); // → 1
 * dayNumber('2025-02-30'); // → undefined (no such day)
 */
export function dayNumber(date: string | undefined): number | undefined {
  if (date === undefined) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  if (m === null) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const check = new Date(ms);
  // Date.UTC rolls 30 February over to March; a round trip catches impossible dates.
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d)
    return undefined;
  return Math.round(ms / 86_400_000);
}

/** A date range as day numbers; malformed or inverted ranges count as open (no constraint). */
function dayRange(start: string | undefined, end: string | undefined): [number, number] {
  const s = dayNumber(start) ?? OPEN_START;
  const e = dayNumber(end) ?? OPEN_END;
  return s <= e ? [s, e] : [OPEN_START, OPEN_END];
}

// ── Languages ────────────────────────────────────────────────────────────────────────────────────

/** Common names and codes → bit. Unknown languages hash into the upper bits so they still match themselves. */
const LANGUAGE_BITS: ReadonlyMap<string, number> = new Map(
  (
    [
      [0, ['id', 'ind', 'indonesia', 'indonesian', 'bahasa indonesia', 'bahasa']],
      [1, ['en', 'eng', 'english', 'inggris', 'bahasa inggris']],
      [2, ['jv', 'jawa', 'javanese', 'bahasa jawa', 'basa jawa']],
      [3, ['su', 'sunda', 'sundanese', 'bahasa sunda']],
      [4, ['ms', 'melayu', 'malay', 'bahasa melayu']],
      [5, ['zh', 'mandarin', 'chinese', 'bahasa mandarin', 'tionghoa']],
      [6, ['ar', 'arab', 'arabic', 'bahasa arab']],
      [7, ['ja', 'jepang', 'japanese', 'bahasa jepang']],
      [8, ['ko', 'korea', 'korean', 'bahasa korea']],
      [9, ['mad', 'madura', 'madurese', 'bahasa madura']],
      [10, ['ban', 'bali', 'balinese', 'bahasa bali']],
      [11, ['bug', 'bugis', 'buginese', 'bahasa bugis']],
      [12, ['min', 'minang', 'minangkabau', 'bahasa minang']],
    ] as const
  ).flatMap(([bit, names]) => names.map((n) => [n, bit] as const)),
);

function languageMask(languages: readonly string[] | undefined): number {
  let mask = 0;
  for (const raw of languages ?? []) {
    const name = normalizeText(raw);
    if (name === '') continue;
    const bit = LANGUAGE_BITS.get(name);
    if (bit !== undefined) mask |= 1 << bit;
    else {
      // Unknown language: one of bits 13..30 chosen by a tiny hash; collisions only create a spurious
      // "shared language", which costs at most the language component's weight.
      let h = 0;
      for (let i = 0; i < name.length; i++) h = (h * 31 + name.charCodeAt(i)) | 0;
      mask |= 1 << (13 + ((h >>> 0) % 18));
    }
  }
  // Nobody said anything: this is an Indonesian platform, assume Bahasa Indonesia.
  return mask === 0 ? 1 : mask;
}

// ── Concepts ─────────────────────────────────────────────────────────────────────────────────────

// Shared empty values. Why: most offers have no unknown words, no required certification and no KBLI
// preference; one shared read-only empty array each (instead of a fresh one per offer) keeps 100,000
// prepared offers small and the garbage collector quiet. Prepared values are never written after preparation.
const NO_BITS = new Uint32Array(CONCEPT_BITSET_WORDS);
const NO_IDS = new Int32Array(0);

function bitsOf(ids: Iterable<number>): Uint32Array {
  let bits: Uint32Array | undefined;
  for (const id of ids) {
    if (!isKnownConcept(id)) continue;
    bits ??= new Uint32Array(CONCEPT_BITSET_WORDS);
    bits[id >>> 5] = (bits[id >>> 5] as number) | (1 << (id & 31));
  }
  return bits ?? NO_BITS;
}

function split(hits: readonly ConceptHit[]): { known: Int32Array; unknown: Int32Array } {
  // extractConcepts returns hits sorted by id, so both halves come out sorted (the kernel merges them).
  const known: number[] = [];
  const unknown: number[] = [];
  for (const h of hits) (isKnownConcept(h.id) ? known : unknown).push(h.id);
  return {
    known: known.length === 0 ? NO_IDS : Int32Array.from(known),
    unknown: unknown.length === 0 ? NO_IDS : Int32Array.from(unknown),
  };
}

function relatedBitsOf(known: Int32Array): Uint32Array {
  const ids: number[] = [];
  for (const id of known) ids.push(...relatedConcepts(id));
  return bitsOf(ids);
}

/** The vocabulary concept standing for each reference sector, so a profile says what it is even with no products. */
const SECTOR_CONCEPT: Readonly<Record<string, string>> = {
  kuliner: 'food',
  fesyen: 'fashion',
  kriya: 'crafts',
  perdagangan_eceran: 'retail',
  pertanian: 'agriculture',
  peternakan: 'livestock',
  perikanan: 'fisheries',
  jasa_perorangan: 'personal_services',
  pariwisata_akomodasi: 'homestay',
  transportasi: 'transport_services',
};

function mergeHits(...lists: (readonly ConceptHit[])[]): ConceptHit[] {
  const byId = new Map<number, ConceptHit>();
  for (const list of lists) for (const hit of list) if (!byId.has(hit.id)) byId.set(hit.id, hit);
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

// ── Certifications ──────────────────────────────────────────────────────────────────────────────

const CERT_BIT = new Map(CERTIFICATION_KEYS.map((k, i) => [k, 1 << i]));

/** Reference keys of a list of certifications (keys or any alias), unknown entries left out. */
function resolvedCertifications(list: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of list) {
    const key = resolveCertification(raw);
    if (key !== undefined && !out.includes(key)) out.push(key);
  }
  return out;
}

/** Bits of the certifications in a list; with `implied`, also what each one satisfies (MD → BPOM). */
function certificationMask(list: readonly string[], implied: boolean): number {
  let mask = 0;
  for (const key of resolvedCertifications(list))
    for (const k of implied ? certificationsSatisfiedBy(key) : [key]) mask |= CERT_BIT.get(k) ?? 0;
  return mask;
}

// ── Geography ────────────────────────────────────────────────────────────────────────────────────

const provinceIndexByCode = new Map(PROVINCES.map((p, i) => [p.code, i]));

function provinceIndex(code: string | undefined): number {
  return code === undefined ? -1 : (provinceIndexByCode.get(code.trim()) ?? -1);
}

function cityKey(provinceIdx: number, name: string | undefined): number {
  const province = PROVINCES[provinceIdx];
  if (province === undefined || name === undefined) return -1;
  const wanted = name.trim().toLowerCase();
  const idx = citiesOf(province.code).findIndex((c) => c.name.toLowerCase() === wanted);
  return idx < 0 ? -1 : provinceIdx * 1000 + idx;
}

function provinceMask(indices: Iterable<number>): [low: number, high: number] {
  let low = 0;
  let high = 0;
  for (const i of indices) {
    if (i < 0) continue;
    if (i < 32) low |= 1 << i;
    else high |= 1 << (i - 32);
  }
  return [low, high];
}

/** Whether province `i` is in a two-word mask. Exported for the kernel. */
export function inMask(low: number, high: number, i: number): boolean {
  return i >= 0 && (i < 32 ? (low >>> i) & 1 : (high >>> (i - 32)) & 1) === 1;
}

/** Great-circle distance in km (haversine). Only used while preparing, never per pair. */
function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Location score between two provinces for offline participation (same province, island group, km). */
function provinceCloseness(from: number, to: number): number {
  const a = PROVINCES[from];
  const b = PROVINCES[to];
  if (a === undefined || b === undefined) return 0;
  if (from === to) return LEVELS.location.sameProvince;
  if (a.islandGroup === b.islandGroup) return LEVELS.location.sameIslandGroup;
  const km = distanceKm(a.lat, a.lon, b.lat, b.lon);
  return LEVELS.location.farMax * Math.exp(-km / LEVELS.location.farScaleKm);
}

/**
 * Offline location scores between every pair of provinces, computed once at module load (38 × 38
 * haversines) instead of once per offer: preparing 100,000 offers used to spend most of its time here and
 * in the garbage collector freeing the per-offer tables. Row `i` is the score for a UMKM in each province
 * when the partner is in province `i`.
 */
const CLOSENESS: readonly Float64Array[] = PROVINCES.map((_, from) =>
  Float64Array.from(PROVINCES, (__, to) => provinceCloseness(from, to)),
);
const NO_LOCATION = new Float64Array(PROVINCES.length);

/**
 * Location table of an offer served from one province: the shared, read-only row (no allocation). The
 * kernel only reads prepared values, so sharing is safe.
 */
function closenessRow(anchor: number): Float64Array {
  return CLOSENESS[anchor] ?? NO_LOCATION;
}

/** Location table of an offer with several anchors (its own province and the ones it serves): the best row. */
function bestCloseness(anchors: readonly number[]): Float64Array {
  const known = anchors.filter((a) => CLOSENESS[a] !== undefined);
  if (known.length === 0) return NO_LOCATION;
  if (known.length === 1) return closenessRow(known[0] as number);
  const out = new Float64Array(PROVINCES.length);
  for (const a of known) {
    const row = CLOSENESS[a] as Float64Array;
    for (let p = 0; p < out.length; p++)
      if ((row[p] as number) > (out[p] as number)) out[p] = row[p] as number;
  }
  return out;
}

// ── Public preparation ───────────────────────────────────────────────────────────────────────────

const nonNegative = (x: number): number => (Number.isFinite(x) && x > 0 ? x : 0);

/**
 * Prepare a request once for many pair scores. Pure; tolerant of empty or unknown fields.
 *
 * @example
 * const r = prepareRequest({
 *   id: 'req-1', type: 'mentorship', needs: ['pemasaran digital', 'ekspor'],
 *   business: { id: 'umkm-1', province: '33', city: 'Pekalongan', sizeClass: 'mikro', sector: 'fesyen', kbli: ['13134'] },
 * });
 * r.needHits.length; // → 2 (digital marketing, export)
 */
export function prepareRequest(request: MatchRequest): PreparedRequest {
  const b = request.business;
  const products = extractConcepts(b.products ?? []);
  // For distribution the UMKM's "need" is to sell its products, so products count as needs there.
  const needText = analyseTexts(request.needs);
  const needHits = mergeHits(needText.hits, request.type === 'distribution' ? products : []);
  const sectorConcept = SECTOR_CONCEPT[b.sector];
  const sectorHits: ConceptHit[] =
    sectorConcept === undefined ? [] : [{ id: conceptIdOf(sectorConcept), text: sectorConcept }];
  const profileHits = mergeHits(needHits, products, sectorHits);
  const need = split(needHits);
  const profile = split(profileHits);
  const pIdx = provinceIndex(b.province);
  const [reachLow, reachHigh] = provinceMask([pIdx, ...(request.provinces ?? []).map(provinceIndex)]);
  const [startDay, endDay] = dayRange(request.startDate, request.endDate);
  const sectorIdx = SECTORS.findIndex((s) => s.key === b.sector);
  const rate = PROVINCES[pIdx]?.povertyRatePct ?? 0;
  const span = MAX_POVERTY_RATE_PCT - MEDIAN_POVERTY_RATE_PCT;
  return {
    kind: 'prepared-request',
    source: request,
    typeCode: TYPE_CODES[request.type] ?? -1,
    needHits,
    needKnown: need.known,
    needUnknown: need.unknown,
    needCount: need.known.length > 0 ? need.known.length : need.unknown.length,
    needNotUnderstood: needText.notUnderstood,
    profileHits,
    profileBits: bitsOf(profile.known),
    profileRelatedBits: relatedBitsOf(profile.known),
    profileUnknown: profile.unknown,
    certificationMask: certificationMask(b.certifications ?? [], true),
    modeCode: request.mode === 'online' ? 0 : request.mode === 'offline' ? 1 : 2,
    provinceIndex: pIdx,
    reachLow,
    reachHigh,
    cityKey: cityKey(pIdx, b.city),
    startDay,
    endDay,
    languageMask: languageMask(request.languages),
    sizeBit: SIZE_BITS[b.sizeClass] ?? 0,
    sectorBit: sectorIdx >= 0 ? 1 << sectorIdx : 0,
    kbliKeys: kbliKeys(b.kbli ?? [], [b.sector]),
    povertyNeed: span > 0 ? Math.min(1, Math.max(0, (rate - MEDIAN_POVERTY_RATE_PCT) / span)) : 0,
    isMicro: b.sizeClass === 'mikro',
    highPoverty: rate > MEDIAN_POVERTY_RATE_PCT,
  };
}

/**
 * Prepare an offer once for many pair scores. Pure; tolerant of empty or unknown fields.
 *
 * @example
 * const o = prepareOffer({
 *   id: 'off-1', type: 'distribution', topics: ['keripik', 'kopi'], mode: 'offline', capacity: 5, remaining: 2,
 *   provinces: ['33', '34'], requiredCertifications: ['halal'],
 *   organization: { id: 'kop-1', kind: 'community', province: '33' },
 * });
 * o.requiredKnown.length; // → 1 (halal)
 */
export function prepareOffer(offer: MatchOffer): PreparedOffer {
  const topicHits = extractConcepts(offer.topics);
  const topics = split(topicHits);
  const requiredCertifications = resolvedCertifications(offer.requiredCertifications ?? []);
  const served = (offer.provinces ?? []).map(provinceIndex).filter((i) => i >= 0);
  // A list naming only unknown codes serves nobody we know; treat it as "all" rather than silently
  // excluding everyone, which would be the worse failure for a typo.
  const servesAll = served.length === 0;
  const [serveLow, serveHigh] = provinceMask(served);
  const orgIdx = provinceIndex(offer.organization.province);
  const locationByProvince = servesAll ? closenessRow(orgIdx) : bestCloseness([orgIdx, ...served]);
  const [startDay, endDay] = dayRange(offer.startDate, offer.endDate);
  let sizeMask = 0;
  for (const s of offer.sizeClasses ?? []) sizeMask |= SIZE_BITS[s] ?? 0;
  let sectorMask = 0;
  for (const s of offer.sectors ?? []) {
    const i = SECTORS.findIndex((x) => x.key === s);
    if (i >= 0) sectorMask |= 1 << i;
  }
  const count = nonNegative(offer.track?.ratingCount ?? 0);
  const sum = count > 0 ? nonNegative(offer.track?.ratingSum ?? 0) : 0;
  const { priorMean, priorCount } = LEVELS.track;
  // Bayesian average: with few ratings the mean stays near the prior, so one 5-star review does not
  // outrank a partner with fifty 4.6-star reviews.
  const shrunkMean = (sum + priorMean * priorCount) / (count + priorCount);
  return {
    kind: 'prepared-offer',
    source: offer,
    typeCode: TYPE_CODES[offer.type] ?? -2,
    remaining: Number.isFinite(offer.remaining) ? Math.floor(offer.remaining) : 0,
    topicHits,
    topicKnown: topics.known,
    topicBits: bitsOf(topics.known),
    topicRelatedBits: relatedBitsOf(topics.known),
    topicUnknown: topics.unknown,
    topicCount: topicHits.length,
    requiredMask: certificationMask(requiredCertifications, false),
    requiredCertifications,
    modeCode: offer.mode === 'online' ? 0 : offer.mode === 'offline' ? 1 : 2,
    servesAll,
    serveLow,
    serveHigh,
    orgProvinceIndex: orgIdx,
    orgCityKey: cityKey(orgIdx, offer.organization.city),
    locationByProvince,
    startDay,
    endDay,
    languageMask: languageMask(offer.languages),
    sizeMask,
    sectorMask,
    kbliKeys: kbliKeys(offer.kbli ?? [], offer.sectors ?? []),
    track: Math.min(1, Math.max(0, (shrunkMean - 1) / 4)),
  };
}

/** Reference province of a prepared request (for reports). */
export function provinceOf(request: PreparedRequest): (typeof PROVINCES)[number] | undefined {
  return PROVINCES[request.provinceIndex] ?? findProvince(request.source.business.province);
}
