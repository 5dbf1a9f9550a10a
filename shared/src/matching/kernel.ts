/**
 * The per-pair kernel: hard filters, then the soft components, reciprocity and impact, from prepared data
 * only. It is the hot loop of ranking (100k offers per request) and allocation (tens of millions of pairs
 * per round), so it is written for speed:
 * - no allocation (the optional `out` buffer is owned by the caller and reused),
 * - no strings, no Map lookups, no closures: typed arrays, bit tests and small sorted-array merges,
 * - one monomorphic function the JIT can inline into the caller's loop.
 *
 * Everything readable (reasons, labels) is produced elsewhere (`explain.ts`) for the few pairs shown.
 */
import { bestSharedLevel, KBLI_LEVEL } from './kbli';
import type { PreparedOffer, PreparedRequest } from './prepare';
import type { ComponentName, HardFilterName } from './types';
import {
  DEFAULT_IMPACT_POLICY,
  DEFAULT_MATCH_WEIGHTS,
  type ImpactPolicy,
  LEVELS,
  type MatchWeights,
} from './weights';

/** Hard filters in the order checked; the kernel returns `-(index + 1)` for the first that fails. */
export const HARD_FILTERS: readonly HardFilterName[] = [
  'type',
  'capacity',
  'dates',
  'certification',
  'mode',
  'reach',
  'sizeClass',
  'sector',
];

/** Slots of the kernel's `out` buffer. */
export const SLOT = {
  topic: 0,
  partnerTopic: 1,
  sector: 2,
  sizeClass: 3,
  location: 4,
  dates: 5,
  language: 6,
  track: 7,
  forUmkm: 8,
  forPartner: 9,
  fit: 10,
  impact: 11,
  score: 12,
} as const;
export const SLOT_COUNT = 13;
export const COMPONENT_NAMES: readonly ComponentName[] = [
  'topic',
  'partnerTopic',
  'sector',
  'sizeClass',
  'location',
  'dates',
  'language',
  'track',
];

/** Weights and policy flattened to numbers, each side normalised to sum 1. Build with {@link resolveWeights}. */
export interface ResolvedWeights {
  readonly topic: number;
  readonly location: number;
  readonly dates: number;
  readonly language: number;
  readonly track: number;
  readonly partnerTopic: number;
  readonly sector: number;
  readonly sizeClass: number;
  readonly balance: number;
  readonly impactWeight: number;
  readonly impactCap: number;
  readonly microShare: number;
}

const clean = (x: number | undefined, fallback: number): number =>
  x !== undefined && Number.isFinite(x) && x >= 0 ? x : fallback;
const unit = (x: number | undefined, fallback: number): number => Math.min(1, clean(x, fallback));

/** Options shared by every public entry point. */
export interface ScoreOptions {
  /** Partial weights; missing entries take {@link DEFAULT_MATCH_WEIGHTS}. */
  readonly weights?: {
    readonly umkmSide?: Partial<MatchWeights['umkmSide']>;
    readonly partnerSide?: Partial<MatchWeights['partnerSide']>;
    readonly balance?: number;
  };
  /** Impact policy; `false` switches it off. Default {@link DEFAULT_IMPACT_POLICY}. */
  readonly impact?: Partial<ImpactPolicy> | false;
}

/**
 * Flatten options into the kernel's numbers. Negative, NaN or infinite weights fall back to defaults, so
 * a bad admin setting can degrade ranking quality but never produce NaN scores.
 *
 * @example
 * resolveWeights({ impact: false }).impactCap; // → 0
 * resolveWeights().topic + resolveWeights().location + resolveWeights().dates
 *   + resolveWeights().language + resolveWeights().track; // → 1
 */
export function resolveWeights(options: ScoreOptions = {}): ResolvedWeights {
  const d = DEFAULT_MATCH_WEIGHTS;
  const u = options.weights?.umkmSide ?? {};
  const p = options.weights?.partnerSide ?? {};
  let umkm = [
    clean(u.topic, d.umkmSide.topic),
    clean(u.location, d.umkmSide.location),
    clean(u.dates, d.umkmSide.dates),
    clean(u.language, d.umkmSide.language),
    clean(u.track, d.umkmSide.track),
  ];
  let partner = [
    clean(p.partnerTopic, d.partnerSide.partnerTopic),
    clean(p.sector, d.partnerSide.sector),
    clean(p.sizeClass, d.partnerSide.sizeClass),
  ];
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  // All-zero weights on a side would divide by zero; treat them as "every component equally".
  const su = sum(umkm);
  umkm = su > 0 ? umkm.map((x) => x / su) : umkm.map(() => 1 / umkm.length);
  const sp = sum(partner);
  partner = sp > 0 ? partner.map((x) => x / sp) : partner.map(() => 1 / partner.length);
  const impact = options.impact === false ? { weight: 0, cap: 0, microShare: 0 } : (options.impact ?? {});
  const di = DEFAULT_IMPACT_POLICY;
  return {
    topic: umkm[0] as number,
    location: umkm[1] as number,
    dates: umkm[2] as number,
    language: umkm[3] as number,
    track: umkm[4] as number,
    partnerTopic: partner[0] as number,
    sector: partner[1] as number,
    sizeClass: partner[2] as number,
    balance: unit(options.weights?.balance, d.balance),
    impactWeight: clean(impact.weight, di.weight),
    impactCap: unit(impact.cap, di.cap),
    microShare: unit(impact.microShare, di.microShare),
  };
}

/** Count of ids present in both sorted arrays (unknown words on both sides). */
function sharedCount(a: Int32Array, b: Int32Array): number {
  if (a.length === 0 || b.length === 0) return 0;
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}

/** Bit `id` of a concept bitset. */
function has(bits: Uint32Array, id: number): boolean {
  return (((bits[id >>> 5] as number) >>> (id & 31)) & 1) === 1;
}

// Module-local copies of the level constants. Why: bundlers and loaders (esbuild, tsx, vitest) may turn
// imported bindings into getter calls; read per pair, that costs more than the arithmetic around it.
const RELATED = LEVELS.relatedConcept;
const PARTNER_TOPIC_OPEN = LEVELS.partnerTopicOpen;
const SATURATION = LEVELS.partnerTopicSaturation;
const SECTOR_OPEN = LEVELS.sector.open;
const SIZE_OPEN = LEVELS.sizeClass.open;
const SIZE_TARGETED = LEVELS.sizeClass.targeted;
const LOC_ONLINE = LEVELS.location.online;
const LOC_ONLINE_OUTSIDE = LEVELS.location.onlineOutsideRegion;
const LOC_SAME_CITY = LEVELS.location.sameCity;
const LOC_SAME_PROVINCE = LEVELS.location.sameProvince;
const LANGUAGE_SHARED = LEVELS.language.shared;
const LANGUAGE_NONE = LEVELS.language.none;

/**
 * Sector component by the finest shared KBLI level (index = level from kbli.ts; 0 = nothing shared).
 * Exported so the shortlist's bound uses the very same values.
 *
 * @example
 * SECTOR_BY_LEVEL[KBLI_LEVEL.subClass]; // → LEVELS.sector.kbli5
 */
export const SECTOR_BY_LEVEL: Float64Array = (() => {
  const s = LEVELS.sector;
  const t = new Float64Array(7);
  t[0] = s.unrelated;
  t[KBLI_LEVEL.section] = s.section;
  t[KBLI_LEVEL.division] = s.division;
  t[KBLI_LEVEL.sector] = s.division;
  t[KBLI_LEVEL.group] = s.kbli3;
  t[KBLI_LEVEL.kbliClass] = s.kbli4;
  t[KBLI_LEVEL.subClass] = s.kbli5;
  return t;
})();

/** Whether province `i` is in a two-word mask (local copy of prepare.ts's `inMask`, see above). */
function inMask(low: number, high: number, i: number): boolean {
  return i >= 0 && (i < 32 ? (low >>> i) & 1 : (high >>> (i - 32)) & 1) === 1;
}

/**
 * Impact term of a prepared request under resolved weights, in [0, cap].
 *
 * @example
 * impactOf(prepareRequest(req), resolveWeights({ impact: false })); // → 0
 */
export function impactOf(r: PreparedRequest, w: ResolvedWeights): number {
  const need = (1 - w.microShare) * r.povertyNeed + (r.isMicro ? w.microShare : 0);
  const impact = w.impactWeight * need;
  return Math.min(impact, w.impactCap);
}

/**
 * Combine fit and impact into the ranking score: `fit + impact·fit·(1−fit)`, in [0, 1] for impact ≤ 1
 * and increasing in fit (see weights.ts for why this shape).
 *
 * @example
 * combineScore(0.5, 0.2); // → 0.55
 * combineScore(0, 0.2);   // → 0 (impact never makes an unfit match look fit)
 */
export function combineScore(fit: number, impact: number): number {
  const score = fit + impact * fit * (1 - fit);
  // Mathematically ≤ 1 for impact ≤ 1; the guard only absorbs floating-point rounding.
  return Math.min(score, 1);
}

/**
 * The location component of a pair, from the request's mode, province, city and reach (passed as numbers
 * so the candidate index can call it from its columns). Online participation is never penalised for
 * distance.
 */
export function locationOf(
  o: PreparedOffer,
  modeCode: number,
  provinceIndex: number,
  cityKey: number,
  reachLow: number,
  reachHigh: number,
): number {
  const inRegion = o.servesAll || inMask(o.serveLow, o.serveHigh, provinceIndex);
  const onlineScore = inRegion ? LOC_ONLINE : LOC_ONLINE_OUTSIDE;
  if (o.modeCode === 0 || (o.modeCode === 2 && modeCode === 0)) return onlineScore;
  let offline: number;
  if (cityKey >= 0 && cityKey === o.orgCityKey) offline = LOC_SAME_CITY;
  else {
    offline = provinceIndex >= 0 ? (o.locationByProvince[provinceIndex] as number) : 0;
    // The UMKM said it can travel to the partner's province: as good as being there.
    if (offline < LOC_SAME_PROVINCE && inMask(reachLow, reachHigh, o.orgProvinceIndex))
      offline = LOC_SAME_PROVINCE;
  }
  // Hybrid: the UMKM can join either way, so distance counts half.
  return o.modeCode === 2 ? 0.5 * (onlineScore + offline) : offline;
}

/**
 * Score one prepared pair. Returns the score in [0, 1] when eligible, or `-(filterIndex + 1)` (see
 * {@link HARD_FILTERS}) when a hard filter excludes it. When `out` is given (length ≥ SLOT_COUNT) and the
 * pair is eligible, every component and intermediate value is written to it (see {@link SLOT}).
 *
 * @example
 * const w = resolveWeights();
 * const s = scorePrepared(prepareRequest(request), prepareOffer(offer), w, null);
 * if (s < 0) console.log('excluded by', HARD_FILTERS[-s - 1]);
 */
export function scorePrepared(
  r: PreparedRequest,
  o: PreparedOffer,
  w: ResolvedWeights,
  out: Float64Array | null,
): number {
  // ── Hard filters, cheapest and most selective first ──
  if (r.typeCode !== o.typeCode) return -1;
  if (o.remaining <= 0) return -2;
  const overlapStart = Math.max(r.startDay, o.startDay);
  const overlapEnd = Math.min(r.endDay, o.endDay);
  if (overlapEnd < overlapStart) return -3;
  if ((o.requiredMask & ~r.certificationMask) !== 0) return -4;
  // Offline-only offers: the UMKM must accept offline participation and be within reach — the partner
  // serves its province, or the UMKM can travel to the partner's province.
  if (o.modeCode === 1) {
    if (r.modeCode === 0) return -5;
    if (!o.servesAll && !inMask(o.serveLow, o.serveHigh, r.provinceIndex)) {
      if (!inMask(r.reachLow, r.reachHigh, o.orgProvinceIndex)) return -6;
    }
  }
  if (o.sizeMask !== 0 && (o.sizeMask & r.sizeBit) === 0) return -7;
  if (o.sectorMask !== 0 && (o.sectorMask & r.sectorBit) === 0) return -8;

  // ── Topic overlap, both directions ──
  // UMKM side: share of the UMKM's needs the offer covers (related concepts earn partial credit).
  const needs = r.needKnown;
  let exact = 0;
  let related = 0;
  for (let i = 0; i < needs.length; i++) {
    const id = needs[i] as number;
    if (has(o.topicBits, id)) exact++;
    else if (has(o.topicRelatedBits, id)) related++;
  }
  const sharedUnknown = sharedCount(r.needUnknown, o.topicUnknown);
  // Only recognised concepts are in the denominator (see PreparedRequest.needCount); a shared free-text
  // word can add credit on top, capped at full coverage.
  const needCount = r.needCount;
  const topic = needCount === 0 ? 0 : Math.min(1, (exact + sharedUnknown + RELATED * related) / needCount);
  // Partner side: how many of the offer's topics this UMKM's profile speaks to, saturating at a couple —
  // a mentor with ten topics is fully relevant to a UMKM that needs two of them.
  let partnerTopic: number = PARTNER_TOPIC_OPEN;
  if (o.topicCount > 0) {
    const topics = o.topicKnown;
    let pExact = 0;
    let pRelated = 0;
    for (let i = 0; i < topics.length; i++) {
      const id = topics[i] as number;
      if (has(r.profileBits, id)) pExact++;
      else if (has(r.profileRelatedBits, id)) pRelated++;
    }
    pExact += sharedCount(o.topicUnknown, r.profileUnknown);
    const saturation = Math.min(o.topicCount, SATURATION);
    partnerTopic = (pExact + RELATED * pRelated) / saturation;
    if (partnerTopic > 1) partnerTopic = 1;
  }

  // ── Sector (KBLI-aware) and size class: what the partner asked for ──
  const sector =
    o.kbliKeys.length === 0
      ? SECTOR_OPEN
      : (SECTOR_BY_LEVEL[bestSharedLevel(r.kbliKeys, o.kbliKeys)] as number);
  const sizeClass = o.sizeMask === 0 ? SIZE_OPEN : SIZE_TARGETED;

  const location = locationOf(o, r.modeCode, r.provinceIndex, r.cityKey, r.reachLow, r.reachHigh);

  // ── Dates: share of the UMKM's wanted period the offer covers (open-ended = fully covered) ──
  const wanted = r.endDay - r.startDay + 1;
  const dates = wanted > 1e8 ? 1 : (overlapEnd - overlapStart + 1) / wanted;

  const language = (r.languageMask & o.languageMask) !== 0 ? LANGUAGE_SHARED : LANGUAGE_NONE;
  const track = o.track;

  // ── Reciprocity and impact ──
  const forUmkm =
    w.topic * topic + w.location * location + w.dates * dates + w.language * language + w.track * track;
  const forPartner = w.partnerTopic * partnerTopic + w.sector * sector + w.sizeClass * sizeClass;
  // Weighted geometric mean; sqrt is the common case and several times faster than pow. The clamp only
  // absorbs rounding (weights sum to 1 ± 1 ulp), it never changes a real value.
  let fit =
    w.balance === 0.5
      ? Math.sqrt(forUmkm * forPartner)
      : forUmkm ** w.balance * forPartner ** (1 - w.balance);
  if (fit > 1) fit = 1;
  // Same two functions the allocator uses, so a score recomputed there is bit-for-bit identical.
  const impact = impactOf(r, w);
  const score = combineScore(fit, impact);

  if (out !== null) {
    out[SLOT.topic] = topic;
    out[SLOT.partnerTopic] = partnerTopic;
    out[SLOT.sector] = sector;
    out[SLOT.sizeClass] = sizeClass;
    out[SLOT.location] = location;
    out[SLOT.dates] = dates;
    out[SLOT.language] = language;
    out[SLOT.track] = track;
    out[SLOT.forUmkm] = forUmkm;
    out[SLOT.forPartner] = forPartner;
    out[SLOT.fit] = fit;
    out[SLOT.impact] = impact;
    out[SLOT.score] = score;
  }
  return score;
}
